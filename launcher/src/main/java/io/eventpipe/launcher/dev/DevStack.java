package io.eventpipe.launcher.dev;

import io.eventpipe.stack.AnvilNode;
import io.eventpipe.stack.BrokerTls;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.stack.Await;
import io.eventpipe.stack.KafkaBroker;
import io.eventpipe.common.process.ManagedProcess;
import io.eventpipe.common.process.Ports;
import io.eventpipe.stack.PostgresServer;
import io.eventpipe.stack.RedisServer;
import io.eventpipe.stack.S3Store;
import io.eventpipe.stack.SchemaRegistryServer;
import io.eventpipe.stack.Server;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole pipeline on one machine with real components: the servers first (in parallel),
 * then topics and schemas, the sample label config on first start, then the services.
 * Closing it stops the services, then the servers.
 */
public final class DevStack implements AutoCloseable {

    /** The dev chain mines a block every second, so that anchors gather confirmations as on a real chain. */
    static final int BLOCK_SECONDS = 1;
    static final int DEV_CONFIRMATIONS = 3;
    private boolean adminCredentialsExisted;

    public static final String BUCKET = "eventpipe";
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(90);

    private final DevOptions options;
    private final List<Server> servers = new ArrayList<>();
    private final List<ManagedProcess> services = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, ServiceSpec> specs = new java.util.concurrent.ConcurrentHashMap<>();
    private KafkaBroker kafka;
    private SchemaRegistryServer registry;
    private S3Store s3;
    private PostgresServer postgres;
    private RedisServer redis;
    private AnvilNode anvil;
    private boolean samplePublished;
    private DevTrust trust;
    private KafkaBroker.TlsListener tls;

    private final Map<String, String> relayOverrides;

    private DevStack(DevOptions options, Map<String, String> relayOverrides) {
        this.options = options;
        this.relayOverrides = Map.copyOf(relayOverrides);
    }

    public static DevStack start(DevOptions options) throws Exception {
        return start(options, Map.of());
    }

    /**
     * A stack whose relays get these settings on top of the local ones (the benchmark raises the
     * rate limits with it, so that it measures the relay's capacity rather than its policy).
     */
    public static DevStack start(DevOptions options, Map<String, String> relayOverrides) throws Exception {
        checkPortsFree(options);
        DevStack stack = new DevStack(options, relayOverrides);
        try {
            stack.startServers();
            stack.provision();
            stack.startServices();
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private static void checkPortsFree(DevOptions options) {
        Map<String, Integer> busy = new TreeMap<>();
        options.ports().forEach((name, port) -> {
            if (!Ports.isFree(port)) {
                busy.put(name, port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use " + busy + ": is another stack running? "
                    + "Stop it, or move ports with EVENTPIPE_DEV_*_PORT variables");
        }
    }

    private void startServers() throws Exception {
        var data = options.dataDir();
        var logs = options.logDir();
        trust = DevTrust.ensure(data);
        tls = BrokerTls.brokerListener(data.resolve("kafka"), trust.root(), options.kafkaTlsPort());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            var kafkaStart = CompletableFuture.supplyAsync(() -> KafkaBroker.start(data.resolve("kafka"),
                    options.kafkaPort(), options.kafkaControllerPort(), logs, tls), pool);
            var registryStart = CompletableFuture.supplyAsync(() -> SchemaRegistryServer.start(data.resolve("registry"),
                    options.registryPort(), logs), pool);
            var s3Start = CompletableFuture.supplyAsync(() -> S3Store.start(data.resolve("s3"), options.s3Port(), logs, BUCKET), pool);
            var postgresStart = CompletableFuture.supplyAsync(() -> PostgresServer.start(data.resolve("postgres"),
                    options.postgresPort(), logs), pool);
            var redisStart = CompletableFuture.supplyAsync(() -> RedisServer.start(data.resolve("redis"), options.redisPort(), logs), pool);
            var anvilStart = CompletableFuture.supplyAsync(() -> AnvilNode.start(data.resolve("anvil"), options.ethereumPort(),
                    BLOCK_SECONDS, logs), pool);
            // collect every server that did start, so that a failure of one still stops the others
            kafka = collect(kafkaStart);
            registry = collect(registryStart);
            s3 = collect(s3Start);
            postgres = collect(postgresStart);
            redis = collect(redisStart);
            anvil = collect(anvilStart);
            List.of(kafkaStart, registryStart, s3Start, postgresStart, redisStart, anvilStart).forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    private <S extends Server> S collect(CompletableFuture<S> start) {
        try {
            S server = start.join();
            servers.add(server);
            return server;
        } catch (RuntimeException e) {
            return null; // rethrown by the join of all starts
        }
    }

    private void provision() {
        samplePublished = DevProvisioning.provision(kafka.bootstrapServers(), registry.confluentApiUrl(), trust, relayUrl());
    }

    private void startServices() {
        Map<String, String> common = Map.of(
                "EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "EVENTPIPE_SCHEMA_REGISTRY_URL", registry.confluentApiUrl(),
                // structured logs: one event can be followed by its eventId through every service's log
                "EVENTPIPE_LOG_FORMAT", "JSON");
        // the launcher runs services as processes and does not link them: their settings go by name
        Map<String, String> processorsEnv = new java.util.HashMap<>(common);
        processorsEnv.putAll(s3Env());
        processorsEnv.put("EVENTPIPE_PKI_ROOT_CERTIFICATE", trust.rootCertificateFile().toString());
        processorsEnv.put("EVENTPIPE_INSTANCE_ID", "local");
        processorsEnv.put("EVENTPIPE_STREAMS_STATE_DIR", options.dataDir().resolve("streams").toString());
        processorsEnv.put("EVENTPIPE_MANAGEMENT_PORT", Integer.toString(options.processorsManagementPort()));
        ManagedProcess processors = launch("stream-processors", "io.eventpipe.processors.ProcessorsApp", processorsEnv,
                processorsUrl() + "/ready");

        Map<String, String> relayEnv = new java.util.HashMap<>(sharedRelayEnv(common));
        relayEnv.put("EVENTPIPE_HTTP_PORT", Integer.toString(options.relayPort()));
        relayEnv.put("EVENTPIPE_RELAY_ID", DevTrust.RELAY_ID);
        relayEnv.put("EVENTPIPE_RELAY_INSTANCE_ID", DevTrust.RELAY_ID + "@127.0.0.1:" + options.relayPort());
        relayEnv.put("EVENTPIPE_PKI_DIR", trust.relayDir().toString());
        ManagedProcess relay = launch("ingress-relay", "io.eventpipe.relay.RelayApp", relayEnv, relayUrl() + "/ready");
        awaitReady(relay, relayUrl() + "/ready");
        awaitReady(processors, processorsUrl() + "/ready");
        ManagedProcess anchorSink = startAnchorSink(common);
        ManagedProcess admin = startAdminService(common);
        awaitReady(anchorSink, anchorSinkUrl() + "/ready");
        awaitReady(admin, adminUrl() + "/ready");
    }

    /** What every relay of the stack shares: it reaches Kafka as itself, over mutual TLS; the ACLs grant it only its part. */
    private Map<String, String> sharedRelayEnv(Map<String, String> common) {
        Map<String, String> env = new java.util.HashMap<>(common);
        env.put("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", kafka.tlsBootstrapServers());
        env.put("EVENTPIPE_KAFKA_SECURITY_PROTOCOL", "SSL");
        env.put("EVENTPIPE_REDIS_URL", redis.uri());
        env.put("EVENTPIPE_POW_SECRET", trust.powSecretHex());
        env.put("EVENTPIPE_APP_CHAIN_RPC_URL", anvil.rpcUrl());
        env.putAll(s3Env());
        env.putAll(relayOverrides);
        return env;
    }

    /** The control plane, holding the root the stack created; it makes the first admin at first start. */
    private ManagedProcess startAdminService(Map<String, String> common) {
        adminCredentialsExisted = java.nio.file.Files.exists(adminCredentials());
        Map<String, String> env = new java.util.HashMap<>(common);
        env.put("EVENTPIPE_HTTP_PORT", Integer.toString(options.adminPort()));
        env.put("EVENTPIPE_REDIS_URL", redis.uri());
        env.put("EVENTPIPE_DB_URL", postgres.jdbcUrl());
        env.put("EVENTPIPE_DB_USER", PostgresServer.USER);
        env.put("EVENTPIPE_PKI_ROOT_CERTIFICATE", trust.rootCertificateFile().toString());
        env.put("EVENTPIPE_PKI_ROOT_KEY", trust.rootCertificateFile().resolveSibling("root.key.pem").toString());
        env.put("EVENTPIPE_DATA_DIR", adminCredentials().getParent().toString());
        env.put("EVENTPIPE_PUBLIC_URL", adminUrl());
        // relays provisioned with launch: true run as processes of this machine (issue 6's local provisioner)
        env.put("EVENTPIPE_RELAY_PROVISIONER", "local");
        env.put("EVENTPIPE_RELAY_PROVISIONER_LOCAL_DIR", options.dataDir().resolve("relays").toString());
        env.put("EVENTPIPE_RELAY_PROVISIONER_LOCAL_LAUNCH", RelayLaunchFile.write(options.dataDir().resolve("relays"),
                ServiceProcess.classpath(options.home(), "ingress-relay"), ServiceProcess.HEAP_MIB, sharedRelayEnv(common)).toString());
        return launch("admin-service", "io.eventpipe.admin.AdminApp", env, adminUrl() + "/ready");
    }

    /** Where admin-service writes the first admin's credentials (owner-only). */
    public Path adminCredentials() {
        return options.dataDir().resolve("admin").resolve("bootstrap-admin.json");
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + options.adminPort();
    }

    /** The anchor sink, with a key generated at first start and funded on the dev chain; it deploys its contract once. */
    private ManagedProcess startAnchorSink(Map<String, String> common) {
        DevAnchorKey key;
        try {
            key = DevAnchorKey.ensure(java.nio.file.Files.createDirectories(options.dataDir().resolve("secrets")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        anvil.fund(key.address());
        Map<String, String> env = new java.util.HashMap<>(common);
        env.putAll(s3Env());
        env.put("EVENTPIPE_DB_URL", postgres.jdbcUrl());
        env.put("EVENTPIPE_DB_USER", PostgresServer.USER);
        env.put("EVENTPIPE_RPC_URL", anvil.rpcUrl());
        env.put("EVENTPIPE_CONTRACT_DEPLOY", "true");
        env.put("EVENTPIPE_SIGNER_PRIVATE_KEY", key.privateKeyHex());
        env.put("EVENTPIPE_BATCH_MAX_AGE", "2s");
        env.put("EVENTPIPE_CONFIRMATIONS", Integer.toString(DEV_CONFIRMATIONS));
        env.put("EVENTPIPE_MANAGEMENT_PORT", Integer.toString(options.anchorManagementPort()));
        return launch("anchor-sink", "io.eventpipe.anchor.AnchorSinkApp", env, anchorSinkUrl() + "/ready");
    }

    /** How a service was started, to start it again the same way. */
    private record ServiceSpec(String module, String mainClass, Map<String, String> env, String readyUrl) {
    }

    private ManagedProcess launch(String module, String mainClass, Map<String, String> env, String readyUrl) {
        specs.put(module, new ServiceSpec(module, mainClass, Map.copyOf(env), readyUrl));
        ManagedProcess process = ServiceProcess.start(options.home(), module, mainClass, env, options.dataDir(), options.logDir());
        services.add(process);
        return process;
    }

    /**
     * For fault tests: SIGKILL the service (no shutdown hook, nothing flushed) and start it again as
     * it was started; returns once it answers /ready again.
     */
    public synchronized void killAndRestart(String module) {
        ManagedProcess old = services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module + " in this stack"));
        old.kill();
        services.remove(old);
        ServiceSpec spec = specs.get(module);
        awaitReady(launch(spec.module(), spec.mainClass(), spec.env(), spec.readyUrl()), spec.readyUrl());
    }

    /** For fault tests: stops one of the servers ("s3", "redis", "postgres", "ethereum"); its data stays. */
    public synchronized void stopServer(String name) {
        Server server = switch (name) {
            case "s3" -> s3;
            case "redis" -> redis;
            case "postgres" -> postgres;
            case "ethereum" -> anvil;
            default -> throw new IllegalArgumentException("no server " + name + " to stop");
        };
        servers.remove(server);
        Server.closeQuietly(server);
    }

    /** Starts a server stopped by {@link #stopServer} again, on its port and data. */
    public synchronized void startServer(String name) {
        Path data = options.dataDir();
        switch (name) {
            case "s3" -> servers.add(s3 = S3Store.start(data.resolve("s3"), options.s3Port(), options.logDir(), BUCKET));
            case "redis" -> servers.add(redis = RedisServer.start(data.resolve("redis"), options.redisPort(), options.logDir()));
            case "postgres" -> servers.add(postgres = PostgresServer.start(data.resolve("postgres"), options.postgresPort(),
                    options.logDir()));
            case "ethereum" -> servers.add(anvil = AnvilNode.start(data.resolve("anvil"), options.ethereumPort(), BLOCK_SECONDS,
                    options.logDir()));
            default -> throw new IllegalArgumentException("no server " + name + " to start");
        }
    }

    /** For fault tests: SIGKILL the broker and start it again on its data and ports; returns once it answers. */
    public synchronized void killAndRestartBroker() {
        kafka.kill();
        servers.remove(kafka);
        kafka = KafkaBroker.start(options.dataDir().resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort(),
                options.logDir(), tls);
        servers.add(0, kafka); // closed last among the servers, as before
    }

    public String anchorSinkUrl() {
        return "http://127.0.0.1:" + options.anchorManagementPort();
    }

    private Map<String, String> s3Env() {
        return Map.of("EVENTPIPE_S3_ENDPOINT", s3.endpoint(), "EVENTPIPE_S3_BUCKET", BUCKET,
                "EVENTPIPE_S3_ACCESS_KEY", s3.credentials().accessKey(), "EVENTPIPE_S3_SECRET_KEY", s3.credentials().secretKey());
    }

    public String processorsUrl() {
        return "http://127.0.0.1:" + options.processorsManagementPort();
    }

    private static void awaitReady(ManagedProcess process, String url) {
        Await.until(process.name() + " at " + url, SERVICE_READY_TIMEOUT, () -> {
            process.checkAlive();
            return HttpProbe.isOk(url);
        });
    }

    public String relayUrl() {
        return "http://127.0.0.1:" + options.relayPort();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.confluentApiUrl();
    }

    public io.eventpipe.storage.S3Settings s3Settings() {
        return new io.eventpipe.storage.S3Settings(s3.endpoint(), "us-east-1", BUCKET, s3.credentials().accessKey(),
                s3.credentials().secretKey());
    }

    public String rpcUrl() {
        return anvil.rpcUrl();
    }

    /** Gives the address ether on the dev chain. */
    public void fund(String address) {
        anvil.fund(address);
    }

    /** The processes of the EventPipe services (relay, processors, anchor sink, admin-service) by name and pid. */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        services.forEach(service -> pids.put(service.name(), service.pid()));
        return pids;
    }

    /** The addresses and files a user needs, as printed at start. */
    public void printSummary(PrintStream out) {
        out.println();
        out.println("EventPipe is running (Ctrl-C stops everything)");
        out.printf("  relay + capture app   %s/%n", relayUrl());
        out.printf("  stream processors     %s/metrics  (validation, archive; /health, /ready)%n", processorsUrl());
        out.printf("  anchor sink           %s/metrics  (batches every 2 s, FINAL after %d blocks of %d s; key in %s)%n",
                anchorSinkUrl(), DEV_CONFIRMATIONS, BLOCK_SECONDS, options.dataDir().resolve("secrets/anchor.key"));
        out.printf("  admin-service         %s  (admin app at /admin/, admin API, /health, /ready, /metrics)%n", adminUrl());
        out.printf("  admin credentials     %s  (%s; owner-only, sign admin requests with its key)%n", adminCredentials(),
                adminCredentialsExisted ? "from the first start" : "created on this first start");
        out.printf("  Kafka                 %s  (mutual TLS with ACLs for relays: %s)%n", kafka.bootstrapServers(),
                kafka.tlsBootstrapServers());
        out.printf("  schema registry       %s  (Confluent API base)%n", registry.confluentApiUrl());
        out.printf("  S3 (S3Proxy)          %s  bucket %s, access key in %s%n", s3.endpoint(), BUCKET,
                options.dataDir().resolve("s3/credentials.properties"));
        out.printf("  PostgreSQL            %s (user %s)%n", postgres.address(), PostgresServer.USER);
        out.printf("  Redis                 %s%n", redis.uri());
        out.printf("  Ethereum JSON-RPC     %s  (anvil, chain id %d)%n", anvil.rpcUrl(), AnvilNode.CHAIN_ID);
        out.printf("  root certificate      %s%n", options.dataDir().resolve("pki/root/root.crt.pem"));
        out.printf("  data                  %s%n", options.dataDir());
        out.printf("  logs                  %s%n", options.logDir());
        out.printf("  label config          %s%n", samplePublished
                ? "sample '" + SampleLabelConfig.ID + "' published on this first start" : "kept from the previous run");
        out.printf("  read a topic          ./eventpipe kcat -C -b %s -t events.incoming -s value=avro -r %s -e%n",
                kafka.bootstrapServers(), registry.confluentApiUrl());
        out.println();
        out.flush();
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        for (int i = servers.size() - 1; i >= 0; i--) {
            Server.closeQuietly(servers.get(i));
        }
        servers.clear();
    }
}
