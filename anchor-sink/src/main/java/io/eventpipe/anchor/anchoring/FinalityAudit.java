package io.eventpipe.anchor.anchoring;

import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.metrics.AnchorMetrics;
import io.eventpipe.anchor.store.Batch;
import io.eventpipe.anchor.store.BatchStore;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Final batches are checked again when the sink starts and when the node comes back after an
 * outage: a reorganisation deeper than the configured confirmations, or a node that lost its
 * latest blocks (a reset dev chain), must not leave events unanchored. Checking goes from the
 * newest final batch down and stops at the first whose block is still there: block hashes chain,
 * so everything below it is still there too.
 */
final class FinalityAudit {

    private static final Logger LOG = LoggerFactory.getLogger(FinalityAudit.class);
    private static final int MAX_BATCHES = 10_000;

    private final BatchStore store;
    private final ChainClient chain;
    private final Nonces nonces;
    private final AnchorMetrics metrics;

    FinalityAudit(BatchStore store, ChainClient chain, Nonces nonces, AnchorMetrics metrics) {
        this.store = store;
        this.chain = chain;
        this.nonces = nonces;
        this.metrics = metrics;
    }

    /** How many final batches the chain no longer holds (they are anchored again). */
    int run() throws SQLException {
        int lost = 0;
        for (Batch batch : store.finalNewestFirst(MAX_BATCHES)) {
            Optional<String> hash = chain.blockHash(batch.blockNumber());
            if (hash.isPresent() && hash.get().equals(batch.blockHash())) {
                break;
            }
            LOG.error("final batch {} is no longer in block {} ({}); anchoring it again", batch.batchId(), batch.blockNumber(),
                    batch.blockHash());
            store.markReorged(batch.batchId());
            metrics.reorg();
            lost++;
        }
        if (lost > 0) {
            nonces.resync();
        }
        return lost;
    }
}
