package io.eventpipe.stack;

import io.eventpipe.common.process.JavaCommand;
import io.eventpipe.common.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process).
 * The log directory is formatted once; a later start on the same directory finds its topics again.
 */
public final class KafkaBroker implements Server {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String CLUSTER_ID_FILE = "cluster.id";

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port, TlsListener tls) {
        this.process = process;
        this.port = port;
        this.tls = tls;
    }

    /**
     * A mutual-TLS listener with authorization: clients authenticate with certificates issued under
     * the trusted root, the principal is the certificate's CN (for relays: OU=relay), and the
     * StandardAuthorizer allows only what ACLs grant. The plaintext loopback listener stays for the
     * local tools and services of the dev stack, as super user.
     */
    public record TlsListener(int port, Path keyStore, Path trustStore, String password) {
        @Override
        public String toString() {
            return "TlsListener[port=" + port + ", keyStore=" + keyStore + ", password=***]";
        }
    }

    private final TlsListener tls;

    /** Starts (formatting on first use) a broker on the port, keeping all its data under dataDir. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logDir) {
        return start(dataDir, port, controllerPort, logDir, null);
    }

    /** As {@link #start(Path, int, int, Path)}, with a mutual-TLS listener when tls is not null. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logDir, TlsListener tls) {
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig(dataDir, port, controllerPort, tls);
            Path log4j = writeLog4j(dataDir);
            String classpath = RuntimeLocator.classpath("kafka");
            formatOnce(dataDir, config, log4j, classpath, logDir);
            ManagedProcess process = ManagedProcess.start("kafka",
                    base(classpath, "kafka.Kafka", log4j).jvm("-Xms256m", "-Xmx768m").args(config.toString()).toList(),
                    Map.of(), dataDir, logDir.resolve("kafka.log"));
            KafkaBroker broker = new KafkaBroker(process, port, tls);
            broker.awaitReady();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaCommand base(String classpath, String main, Path log4j) {
        return JavaCommand.mainClass(classpath, main)
                .property("log4j2.configurationFile", log4j.toString())
                .jvm("-XX:+UseG1GC", "-Djava.awt.headless=true");
    }

    private static void formatOnce(Path dataDir, Path config, Path log4j, String classpath, Path logDir) throws IOException {
        Path clusterIdFile = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        String clusterId = Files.exists(clusterIdFile) ? Files.readString(clusterIdFile).trim() : Uuid.randomUuid().toString();
        Files.writeString(clusterIdFile, clusterId);
        ManagedProcess.runToCompletion("kafka-storage-format",
                base(classpath, "kafka.tools.StorageTool", log4j)
                        .args("format", "-t", clusterId, "-c", config.toString(), "--standalone").toList(),
                Map.of(), dataDir, logDir.resolve("kafka-format.log"), 120);
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort, TlsListener tls) throws IOException {
        String ssl = tls == null ? "" : ",SSL://127.0.0.1:" + tls.port();
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ssl + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ssl + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT" + (tls == null ? "" : ",SSL:SSL"),
                tls == null ? "" : tlsConfig(tls),
                "log.dirs=" + dataDir.resolve("logs"),
                // one node: every internal topic has one replica
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // topics come from the catalogue only, never from a typo in a client
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "log.retention.hours=-1",
                "");
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private static String tlsConfig(TlsListener tls) {
        return String.join("\n",
                "listener.name.ssl.ssl.keystore.type=PKCS12",
                "listener.name.ssl.ssl.keystore.location=" + tls.keyStore().toAbsolutePath(),
                "listener.name.ssl.ssl.keystore.password=" + tls.password(),
                "listener.name.ssl.ssl.key.password=" + tls.password(),
                "listener.name.ssl.ssl.truststore.type=PKCS12",
                "listener.name.ssl.ssl.truststore.location=" + tls.trustStore().toAbsolutePath(),
                "listener.name.ssl.ssl.truststore.password=" + tls.password(),
                "listener.name.ssl.ssl.client.auth=required",
                // CN=relay-7,OU=relay,O=EventPipe is the principal User:relay-7
                "ssl.principal.mapping.rules=RULE:^CN=([^,]+),OU=[^,]+,O=EventPipe$/$1/,DEFAULT",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                // the plaintext loopback listener (local tools, controller) is the super user
                "super.users=User:ANONYMOUS");
    }

    private static Path writeLog4j(Path dataDir) throws IOException {
        String config = String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.kafka.name = kafka",
                "logger.kafka.level = warn",
                "logger.clients.name = org.apache.kafka",
                "logger.clients.level = warn",
                "logger.started.name = kafka.server.KafkaRaftServer",
                "logger.started.level = info",
                "");
        Path file = dataDir.resolve("log4j2.properties");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            Await.until("Kafka at " + bootstrapServers(), READY_TIMEOUT, () -> {
                process.checkAlive();
                try {
                    return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                            .nodes().get(3, TimeUnit.SECONDS).isEmpty();
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                }
            });
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** host:port of the mutual-TLS listener; IllegalStateException when the broker has none. */
    public String tlsBootstrapServers() {
        if (tls == null) {
            throw new IllegalStateException("this broker has no TLS listener");
        }
        return "127.0.0.1:" + tls.port();
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String address() {
        return bootstrapServers();
    }

    @Override
    public void close() {
        process.close();
    }

    /** SIGKILL, as a crashed broker (fault tests); start it again with {@link #start} on the same data and ports. */
    public void kill() {
        process.kill();
    }

    /** The Kafka tools' classpath, for benchmarks and admin commands run beside the broker. */
    public static List<String> toolCommand(String mainClass, String... args) {
        return JavaCommand.mainClass(RuntimeLocator.classpath("kafka"), mainClass).args(args).toList();
    }
}
