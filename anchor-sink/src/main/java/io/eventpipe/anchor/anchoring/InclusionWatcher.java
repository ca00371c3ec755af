package io.eventpipe.anchor.anchoring;

import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.config.AnchorConfig;
import io.eventpipe.anchor.metrics.AnchorMetrics;
import io.eventpipe.anchor.receipts.ReceiptPublisher;
import io.eventpipe.anchor.store.Batch;
import io.eventpipe.anchor.store.BatchState;
import io.eventpipe.anchor.store.BatchStore;
import io.eventpipe.common.receipt.Receipt;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An included batch until it is final: receipts announced for the block it is in; every look
 * checks that the block at that height is still the one that holds the transaction (else a
 * reorg undid the inclusion: the batch goes back to SUBMITTED and will be anchored again);
 * FINAL after the configured number of confirmations.
 */
final class InclusionWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InclusionWatcher.class);

    private final AnchorConfig config;
    private final BatchStore store;
    private final ChainClient chain;
    private final ReceiptPublisher publisher;
    private final Nonces nonces;
    private final AnchorMetrics metrics;
    private final Clock clock;
    private final String contract;

    InclusionWatcher(AnchorConfig config, BatchStore store, ChainClient chain, ReceiptPublisher publisher, Nonces nonces,
                     AnchorMetrics metrics, Clock clock, String contract) {
        this.config = config;
        this.store = store;
        this.chain = chain;
        this.publisher = publisher;
        this.nonces = nonces;
        this.metrics = metrics;
        this.clock = clock;
        this.contract = contract;
    }

    void watch(Batch batch) throws Exception {
        if (!stillIncluded(batch)) {
            LOG.warn("batch {} was in block {} ({}), which a reorg replaced; anchoring it again", batch.batchId(),
                    batch.blockNumber(), batch.blockHash());
            metrics.reorg();
            store.markReorged(batch.batchId());
            nonces.resync();
            return;
        }
        long confirmations = chain.headNumber() - batch.blockNumber() + 1;
        metrics.confirmations(confirmations);
        if (batch.receiptsPending()) {
            announce(batch, false, confirmations);
            store.markReceiptsSent(batch.batchId(), batch.blockHash());
        }
        if (confirmations >= config.confirmations()) {
            if (batch.state() != BatchState.FINAL) {
                store.markFinal(batch.batchId(), clock.instant());
            }
            announce(batch, true, confirmations);
            store.markFinalReceiptsSent(batch.batchId());
            LOG.info("batch {} final after {} confirmations", batch.batchId(), confirmations);
        }
    }

    private boolean stillIncluded(Batch batch) {
        Optional<String> hashAtHeight = chain.blockHash(batch.blockNumber());
        if (hashAtHeight.isEmpty() || !hashAtHeight.get().equals(batch.blockHash())) {
            return false;
        }
        return chain.receipt(batch.txHash()).map(inclusion -> inclusion.blockHash().equals(batch.blockHash())).orElse(false);
    }

    private void announce(Batch batch, boolean isFinal, long confirmations) throws Exception {
        Receipt.Anchor anchor = new Receipt.Anchor(chain.chainId(), contract, batch.txHash(), batch.blockNumber(), batch.blockHash());
        publisher.publish(ReceiptMaker.receipts(batch, store.leaves(batch.batchId()), anchor), isFinal, confirmations);
    }
}
