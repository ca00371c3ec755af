package io.eventpipe.anchor.batching;

import io.eventpipe.anchor.store.Batch;
import io.eventpipe.anchor.store.BatchState;
import io.eventpipe.anchor.store.Leaf;
import io.eventpipe.common.merkle.MerkleTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns pending events into a batch: leaves in arrival order, the RFC 9162 tree over their event hashes. */
final class BatchBuilder {

    private BatchBuilder() {
    }

    record Built(Batch batch, List<Leaf> leaves) {
    }

    static Built build(List<PendingEvent> events, Instant now) {
        List<Leaf> leaves = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        Instant oldest = now;
        for (PendingEvent event : events) {
            leaves.add(new Leaf(leaves.size(), event.eventId(), event.eventHash(), event.deviceId()));
            hashes.add(event.eventHash());
            oldest = event.arrivedAt().isBefore(oldest) ? event.arrivedAt() : oldest;
        }
        MerkleTree tree = MerkleTree.ofLeaves(hashes);
        String batchId = "b-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Batch batch = new Batch(batchId, tree.root(), tree.size(), BatchState.BUILT, now, oldest, null, null, null, null, false, 0);
        return new Built(batch, leaves);
    }
}
