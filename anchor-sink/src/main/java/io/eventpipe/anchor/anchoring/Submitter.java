package io.eventpipe.anchor.anchoring;

import io.eventpipe.anchor.chain.AnchorContract;
import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.chain.Fees;
import io.eventpipe.anchor.config.AnchorConfig;
import io.eventpipe.anchor.metrics.AnchorMetrics;
import io.eventpipe.anchor.store.Batch;
import io.eventpipe.anchor.store.BatchStore;
import io.eventpipe.anchor.store.SentTransaction;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets each batch's one transaction mined: signs it and records it (raw) before broadcasting,
 * re-sends the very same bytes when the node has forgotten them, replaces it at the same nonce
 * with higher fees when it is stuck, and starts over at a fresh nonce when its nonce was taken.
 */
final class Submitter {

    private static final Logger LOG = LoggerFactory.getLogger(Submitter.class);

    private final AnchorConfig config;
    private final BatchStore store;
    private final ChainClient chain;
    private final Nonces nonces;
    private final AnchorMetrics metrics;
    private final Clock clock;
    private final String contract;
    private final java.util.Set<String> warnedAtCaps = new java.util.HashSet<>();

    Submitter(AnchorConfig config, BatchStore store, ChainClient chain, Nonces nonces, AnchorMetrics metrics, Clock clock,
              String contract) {
        this.config = config;
        this.store = store;
        this.chain = chain;
        this.nonces = nonces;
        this.metrics = metrics;
        this.clock = clock;
        this.contract = contract;
    }

    /** A BUILT batch: its first transaction. */
    void submit(Batch batch) throws SQLException {
        send(batch, nonces.take(), chain.currentFees(config.feeCaps()));
    }

    /** A SUBMITTED batch: mined yet? If not, see that it will be. */
    void follow(Batch batch) throws SQLException {
        List<SentTransaction> sent = store.transactions(batch.batchId());
        for (SentTransaction tx : sent) {
            Optional<ChainClient.Inclusion> inclusion = chain.receipt(tx.txHash());
            if (inclusion.isPresent()) {
                included(batch, tx, inclusion.get());
                return;
            }
        }
        SentTransaction latest = sent.get(0);
        if (!chain.knows(latest.txHash())) {
            rebroadcast(batch, latest);
        } else if (Duration.between(latest.sentAt(), clock.instant()).compareTo(config.stuckAfter()) > 0) {
            replace(batch, latest);
        }
    }

    private void included(Batch batch, SentTransaction tx, ChainClient.Inclusion inclusion) throws SQLException {
        if (!inclusion.success()) {
            LOG.error("anchoring transaction {} of batch {} reverted; anchoring again", tx.txHash(), batch.batchId());
            nonces.resync();
            send(batch, nonces.take(), chain.currentFees(config.feeCaps()));
            return;
        }
        store.markIncluded(batch.batchId(), tx.txHash(), inclusion.blockNumber(), inclusion.blockHash(), clock.instant());
        metrics.included(Duration.between(batch.createdAt(), clock.instant()), batch.treeSize(), inclusion.gasUsed(),
                inclusion.effectiveGasPrice());
        LOG.info("batch {} anchored in block {} by {}", batch.batchId(), inclusion.blockNumber(), tx.txHash());
    }

    /** The node does not know the transaction (dropped from its pool, or lost with a reorg): the same bytes again. */
    private void rebroadcast(Batch batch, SentTransaction latest) throws SQLException {
        ChainClient.Broadcast answer = chain.broadcast(latest.raw());
        metrics.replacement();
        if (answer == ChainClient.Broadcast.NONCE_USED) {
            LOG.warn("nonce {} of batch {} was taken meanwhile; anchoring at a fresh nonce", latest.nonce(), batch.batchId());
            nonces.resync();
            send(batch, nonces.take(), chain.currentFees(config.feeCaps()));
        } else {
            LOG.info("re-sent {} of batch {}: {}", latest.txHash(), batch.batchId(), answer);
        }
    }

    private void replace(Batch batch, SentTransaction latest) throws SQLException {
        Fees previous = new Fees(latest.maxFeePerGas(), latest.priorityFee());
        Fees bumped = previous.bumped(chain.currentFees(config.feeCaps()), config.feeCaps());
        if (!bumped.replaces(previous)) {
            if (warnedAtCaps.add(latest.txHash())) {
                LOG.warn("batch {} is stuck at the fee caps ({}); waiting", batch.batchId(), previous);
            }
            return;
        }
        metrics.replacement();
        LOG.info("replacing stuck {} of batch {} at nonce {} with {}", latest.txHash(), batch.batchId(), latest.nonce(), bumped);
        send(batch, latest.nonce(), bumped);
    }

    private void send(Batch batch, long nonce, Fees fees) throws SQLException {
        String data = AnchorContract.anchorCall(batch.root(), batch.treeSize(), batch.batchId());
        long estimate = chain.estimateGas(contract, data);
        long gasLimit = estimate + estimate * config.gasMarginPercent() / 100;
        ChainClient.Signed signed = chain.sign(nonce, gasLimit, contract, data, fees);
        store.recordTransaction(new SentTransaction(signed.txHash(), batch.batchId(), nonce, fees.maxFeePerGas(), fees.priorityFee(),
                gasLimit, signed.raw(), clock.instant()));
        ChainClient.Broadcast answer = chain.broadcast(signed.raw());
        if (answer == ChainClient.Broadcast.NONCE_USED) {
            nonces.resync(); // the next look at the batch sends it at a fresh nonce
        }
        LOG.info("batch {} sent as {} (nonce {}): {}", batch.batchId(), signed.txHash(), nonce, answer);
    }
}
