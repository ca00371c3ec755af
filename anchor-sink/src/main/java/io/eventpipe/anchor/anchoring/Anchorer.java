package io.eventpipe.anchor.anchoring;

import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.chain.ChainUnavailable;
import io.eventpipe.anchor.config.AnchorConfig;
import io.eventpipe.anchor.metrics.AnchorMetrics;
import io.eventpipe.anchor.receipts.ReceiptPublisher;
import io.eventpipe.anchor.store.Batch;
import io.eventpipe.anchor.store.BatchStore;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every unfinished batch along built → submitted → included → final, oldest first, one look
 * per poll interval. All it knows is in the database, so a restart picks up exactly where it
 * stopped; while the RPC endpoint (or anything else) is away it keeps the batches and retries.
 */
public final class Anchorer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Anchorer.class);

    private final AnchorConfig config;
    private final BatchStore store;
    private final Submitter submitter;
    private final InclusionWatcher watcher;
    private final Nonces nonces;
    private final FinalityAudit audit;
    private final ChainClient chain;
    private boolean auditDue = true;
    private final Thread thread = new Thread(this::run, "anchorer");
    private volatile boolean running = true;
    private volatile String problem;

    public Anchorer(AnchorConfig config, BatchStore store, ChainClient chain, ReceiptPublisher publisher, AnchorMetrics metrics,
                    Clock clock, String contract) {
        this.config = config;
        this.store = store;
        this.chain = chain;
        this.nonces = new Nonces(chain);
        this.submitter = new Submitter(config, store, chain, nonces, metrics, clock, contract);
        this.watcher = new InclusionWatcher(config, store, chain, publisher, nonces, metrics, clock, contract);
        this.audit = new FinalityAudit(store, chain, nonces, metrics);
    }

    public void start() {
        thread.start();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Null while the last look at the batches went through; else why not. */
    public String problem() {
        return problem;
    }

    private void run() {
        while (running) {
            try {
                lookOnce();
                problem = null;
            } catch (ChainUnavailable e) {
                // whatever the node forgot or learnt meanwhile, nonces are read from it again
                nonces.resync();
                auditDue = true;
                noteProblem("Ethereum RPC unavailable", e);
            } catch (Exception e) {
                noteProblem("anchoring stalled", e);
            }
            try {
                Thread.sleep(config.poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void noteProblem(String what, Exception e) {
        if (problem == null) {
            LOG.warn("{}: {}; batches are kept and retried", what, e.toString());
        }
        problem = what + ": " + e.getMessage();
    }

    /** One pass over the unfinished batches (the tests drive it directly). */
    public void lookOnce() throws Exception {
        if (auditDue) {
            audit.run();
            auditDue = false;
        }
        List<Batch> unfinished = store.unfinished();
        if (unfinished.isEmpty()) {
            // nothing to send or watch: still ask the node, so that /ready says whether anchoring could go on
            chain.headNumber();
        }
        for (Batch batch : unfinished) {
            switch (batch.state()) {
                case BUILT -> submitter.submit(batch);
                case SUBMITTED -> submitter.follow(batch);
                case INCLUDED, FINAL -> watcher.watch(batch);
                default -> throw new IllegalStateException("unknown state " + batch.state());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
