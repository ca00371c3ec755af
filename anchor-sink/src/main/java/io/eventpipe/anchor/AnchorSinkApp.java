package io.eventpipe.anchor;

import io.eventpipe.anchor.anchoring.Anchorer;
import io.eventpipe.anchor.batching.Batcher;
import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.chain.ContractDeployer;
import io.eventpipe.anchor.chain.SignerKeys;
import io.eventpipe.anchor.config.AnchorConfig;
import io.eventpipe.anchor.metrics.AnchorMetrics;
import io.eventpipe.anchor.receipts.ReceiptPublisher;
import io.eventpipe.anchor.store.BatchStore;
import io.eventpipe.common.management.ManagementServer;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The anchor sink's process: batcher, anchorer and management port, started together, stopped together. */
public final class AnchorSinkApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnchorSinkApp.class);
    private static final String CONTRACT_SETTING = "contract.address.chain.";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);
    private static final int DB_CONNECT_TIMEOUT_SECONDS = 5;
    private static final int DB_SOCKET_TIMEOUT_SECONDS = 60;

    private final AnchorConfig config;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final BatchStore store;
    private final ChainClient chain;
    private final ReceiptPublisher publisher;
    private final Batcher batcher;
    private final Anchorer anchorer;
    private final String contract;
    private ManagementServer management;

    public AnchorSinkApp(AnchorConfig config) throws SQLException, InterruptedException {
        this.config = config;
        Clock clock = Clock.systemUTC();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(config.dbUrl());
        dataSource.setUser(config.dbUser());
        dataSource.setCurrentSchema(BatchStore.SCHEMA);
        // an unreachable database fails a call in seconds (and shows on /ready) instead of hanging the batcher
        dataSource.setConnectTimeout(DB_CONNECT_TIMEOUT_SECONDS);
        dataSource.setSocketTimeout(DB_SOCKET_TIMEOUT_SECONDS);
        if (!config.dbPassword().isEmpty()) {
            dataSource.setPassword(config.dbPassword());
        }
        this.store = new BatchStore(dataSource);
        store.migrate();
        new JvmMemoryMetrics().bindTo(registry);
        AnchorMetrics metrics = new AnchorMetrics(registry, this::pendingLeaves);
        this.chain = new ChainClient(config.rpcUrl(), SignerKeys.load(config));
        this.contract = resolveContract(clock);
        this.publisher = new ReceiptPublisher(config, clock);
        this.batcher = new Batcher(config, store, metrics, clock);
        this.anchorer = new Anchorer(config, store, chain, publisher, metrics, clock, contract);
    }

    /** The configured contract, or the one this sink deployed before on this chain, or a new one when allowed. */
    private String resolveContract(Clock clock) throws SQLException, InterruptedException {
        if (!config.contractAddress().isEmpty()) {
            return config.contractAddress();
        }
        String setting = CONTRACT_SETTING + chain.chainId();
        var known = store.setting(setting);
        if (known.isPresent() && !"0x".equals(chain.code(known.get()))) {
            return known.get();
        }
        if (!config.deployContract()) {
            throw new IllegalStateException("no contract.address configured and contract.deploy is false");
        }
        String deployed = ContractDeployer.deploy(chain, config.feeCaps(), DEPLOY_TIMEOUT, clock);
        store.saveSetting(setting, deployed);
        LOG.info("deployed the EventPipeAnchor contract at {} on chain {}", deployed, chain.chainId());
        return deployed;
    }

    private Number pendingLeaves() {
        try {
            return store.pendingLeaves();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    public void start() {
        batcher.start();
        anchorer.start();
        management = ManagementServer.start("0.0.0.0", config.managementPort(), this::notReadyBecause, registry::scrape);
    }

    public String contract() {
        return contract;
    }

    public int managementPort() {
        return management.port();
    }

    /** Lets tests and tools look at batches directly. */
    public BatchStore store() {
        return store;
    }

    private String notReadyBecause() {
        if (!batcher.isAlive() || !anchorer.isAlive()) {
            return "a component stopped";
        }
        if (batcher.problem() != null) {
            return batcher.problem(); // what the work itself ran into, in its own words
        }
        // each dependency probed now, so that an outage shows while there is no work too
        if (!batcher.connected()) {
            return "batcher holds no broker connection";
        }
        if (!store.isReachable()) {
            return "database unreachable";
        }
        if (!publisher.isReachable()) {
            return "object storage unreachable";
        }
        if (!SchemaRegistryClient.shared(config.registryUrl()).isReachable()) {
            return "schema registry unreachable";
        }
        return anchorer.problem();
    }

    @Override
    public void close() {
        if (management != null) {
            management.close();
        }
        batcher.close();
        anchorer.close();
        publisher.close();
        chain.close();
        registry.close();
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 1 && args[0].equals("--config") ? Path.of(args[1]) : null;
        AnchorConfig config = AnchorConfig.load(file, System.getenv());
        AnchorSinkApp app = new AnchorSinkApp(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "anchor-sink-shutdown"));
        app.start();
        LOG.info("anchor sink started: contract {} via {}, management port {}", app.contract(), config.rpcUrl(), app.managementPort());
        stopped.await();
    }
}
