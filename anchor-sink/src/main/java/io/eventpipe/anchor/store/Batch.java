package io.eventpipe.anchor.store;

import java.time.Instant;

/**
 * A batch as stored: its Merkle root over treeSize leaves and where it is in its life.
 *
 * @param receiptsBlockHash the inclusion block for which ANCHORED receipts were last emitted (null: none yet)
 */
public record Batch(String batchId, byte[] root, int treeSize, BatchState state, Instant createdAt, Instant oldestEventAt,
                    String txHash, Long blockNumber, String blockHash, String receiptsBlockHash, boolean finalReceiptsSent,
                    int reorgs) {

    /** The inclusion the receipts must describe has not been announced yet. */
    public boolean receiptsPending() {
        return blockHash != null && !blockHash.equals(receiptsBlockHash);
    }
}
