package io.eventpipe.stack;

import io.eventpipe.common.process.JavaCommand;
import io.eventpipe.common.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Apicurio Registry with its Confluent-compatible API, storage in an H2 file under the data
 * directory so that subjects and ids survive a restart.
 */
public final class SchemaRegistryServer implements Server {

    /** Where the Confluent Schema Registry API lives on this server. */
    public static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ManagedProcess process;
    private final int port;

    private SchemaRegistryServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SchemaRegistryServer start(Path dataDir, int port, Path logDir) {
        Path jar = Path.of(RuntimeLocator.properties("registry").getProperty("run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("schema registry not built (" + jar + "); run: mvn -DskipTests install");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> env = Map.of(
                "REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + dataDir.resolve("registry").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_LOG_LEVEL", "WARN",
                "QUARKUS_LOG_CATEGORY__IO_QUARKUS_BOOTSTRAP_RUNNER_TIMING__LEVEL", "INFO");
        ManagedProcess process = ManagedProcess.start("schema-registry",
                JavaCommand.jar(jar).jvm("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC").toList(), env, dataDir,
                logDir.resolve("schema-registry.log"));
        SchemaRegistryServer server = new SchemaRegistryServer(process, port);
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    private void awaitReady() {
        Await.until("schema registry at " + confluentApiUrl(), READY_TIMEOUT, () -> {
            process.checkAlive();
            return HttpProbe.isOk(confluentApiUrl() + "/subjects");
        });
    }

    /** The base URL of the Confluent Schema Registry REST API, as serdes and kcat take it. */
    public String confluentApiUrl() {
        return "http://127.0.0.1:" + port + CONFLUENT_API_PATH;
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return "schema-registry";
    }

    @Override
    public String address() {
        return confluentApiUrl();
    }

    @Override
    public void close() {
        process.close();
    }
}
