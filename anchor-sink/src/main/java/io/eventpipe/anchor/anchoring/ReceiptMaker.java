package io.eventpipe.anchor.anchoring;

import io.eventpipe.anchor.receipts.ReceiptPublisher;
import io.eventpipe.anchor.store.Batch;
import io.eventpipe.anchor.store.Leaf;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.merkle.InclusionProof;
import io.eventpipe.common.merkle.MerkleTree;
import io.eventpipe.common.receipt.Receipt;
import io.eventpipe.common.receipt.ReceiptVerifier;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipts of an included batch, from its stored leaves: the tree is rebuilt and must give
 * the stored (anchored) root, and each receipt is verified before it leaves, so a receipt that
 * would not verify is never announced.
 */
final class ReceiptMaker {

    private ReceiptMaker() {
    }

    static List<ReceiptPublisher.Announcement> receipts(Batch batch, List<Leaf> leaves, Receipt.Anchor anchor) {
        List<byte[]> hashes = leaves.stream().map(Leaf::eventHash).toList();
        MerkleTree tree = MerkleTree.ofLeaves(hashes);
        if (!MessageDigest.isEqual(tree.root(), batch.root()) || tree.size() != batch.treeSize()) {
            throw new IllegalStateException("the leaves of batch " + batch.batchId() + " no longer give its anchored root");
        }
        String root = Hex.encode(batch.root());
        List<ReceiptPublisher.Announcement> out = new ArrayList<>();
        for (Leaf leaf : leaves) {
            InclusionProof proof = tree.inclusionProof(leaf.leafIndex());
            Receipt receipt = new Receipt(Receipt.VERSION, leaf.eventId(), Hex.encode(leaf.eventHash()), leaf.leafIndex(), tree.size(),
                    proof.auditPath().stream().map(Hex::encode).toList(), root, batch.batchId(), anchor);
            try {
                ReceiptVerifier.verifyProof(receipt);
            } catch (ReceiptVerifier.InvalidReceipt e) {
                throw new IllegalStateException("receipt of " + leaf.eventId() + " does not verify: " + e.getMessage(), e);
            }
            out.add(new ReceiptPublisher.Announcement(receipt, leaf.deviceId()));
        }
        return out;
    }
}
