package io.eventpipe.testkit;

import io.eventpipe.stack.AnvilNode;
import io.eventpipe.stack.BrokerTls;
import io.eventpipe.stack.KafkaBroker;
import io.eventpipe.stack.PostgresServer;
import io.eventpipe.common.process.Ports;
import io.eventpipe.stack.RedisServer;
import io.eventpipe.stack.S3Store;
import io.eventpipe.stack.SchemaRegistryServer;
import io.eventpipe.stack.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The real servers of one test run (one JVM), each started on free ports the first time a
 * test asks for it and stopped when the run ends. Data and logs live under
 * {@code target/it-servers/}, where a failed run can be inspected.
 */
public final class TestServers implements AutoCloseable {

    /** The bucket the tests' S3 store is created with, as in the local stack. */
    public static final String BUCKET = "eventpipe";
    private static final int START_ATTEMPTS = 2;

    private final Path root;
    private final Path logs;
    private final List<Server> started = new ArrayList<>();
    private KafkaBroker kafka;
    private KafkaBroker secureKafka;
    private SchemaRegistryServer registry;
    private S3Store s3;
    private PostgresServer postgres;
    private RedisServer redis;
    private AnvilNode anvil;

    TestServers(Path root) {
        this.root = root;
        this.logs = root.resolve("logs");
    }

    static TestServers inBuildDirectory() {
        try {
            Path base = Files.createDirectories(Path.of("target", "it-servers").toAbsolutePath());
            return new TestServers(Files.createTempDirectory(base, "run-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = started(() -> KafkaBroker.start(root.resolve("kafka"), Ports.free(), Ports.free(), logs));
        }
        return kafka;
    }

    /**
     * A second broker with a mutual-TLS listener and the StandardAuthorizer, its certificate
     * issued under the given test root (the first caller's root serves the whole run).
     */
    public synchronized KafkaBroker secureKafka(TestPki pki) {
        if (secureKafka == null) {
            Path dir = root.resolve("kafka-tls");
            KafkaBroker.TlsListener tls = BrokerTls.brokerListener(dir, pki.root(), Ports.free());
            secureKafka = started(() -> KafkaBroker.start(dir, Ports.free(), Ports.free(), logs.resolve("tls"), tls));
        }
        return secureKafka;
    }

    public synchronized SchemaRegistryServer registry() {
        if (registry == null) {
            registry = started(() -> SchemaRegistryServer.start(root.resolve("registry"), Ports.free(), logs));
        }
        return registry;
    }

    public synchronized S3Store s3() {
        if (s3 == null) {
            s3 = started(() -> S3Store.start(root.resolve("s3"), Ports.free(), logs, BUCKET));
        }
        return s3;
    }

    public synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = started(() -> PostgresServer.start(root.resolve("postgres"), Ports.free(), logs));
        }
        return postgres;
    }

    public synchronized RedisServer redis() {
        if (redis == null) {
            redis = started(() -> RedisServer.start(root.resolve("redis"), Ports.free(), logs));
        }
        return redis;
    }

    public synchronized AnvilNode anvil() {
        if (anvil == null) {
            anvil = started(() -> AnvilNode.start(root.resolve("anvil"), Ports.free(), 0, logs));
        }
        return anvil;
    }

    /** Where this run keeps data and logs. */
    public Path root() {
        return root;
    }

    // A free port can be taken by another process between the probe and the bind: try again once.
    private <S extends Server> S started(Supplier<S> start) {
        RuntimeException failure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                S server = start.get();
                started.add(server);
                return server;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure;
    }

    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Server.closeQuietly(started.get(i));
        }
        started.clear();
    }
}
