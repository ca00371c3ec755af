package io.eventpipe.stack;

import io.eventpipe.common.config.Secrets;
import io.eventpipe.common.process.JavaCommand;
import io.eventpipe.common.process.ManagedProcess;
import io.eventpipe.storage.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * S3Proxy on the local filesystem: the real S3 API, objects as files under the data directory.
 * Its access key is generated at first start and kept in the data directory, never in the repo.
 */
public final class S3Store implements Server {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String CREDENTIALS_FILE = "credentials.properties";

    private final ManagedProcess process;
    private final int port;
    private final S3Credentials credentials;

    /** An S3 access key pair; toString never shows the secret. */
    public record S3Credentials(String accessKey, String secretKey) {
        @Override
        public String toString() {
            return "S3Credentials[accessKey=" + accessKey + ", secretKey=***]";
        }
    }

    private S3Store(ManagedProcess process, int port, S3Credentials credentials) {
        this.process = process;
        this.port = port;
        this.credentials = credentials;
    }

    /** Starts S3Proxy and makes sure the given buckets exist. */
    public static S3Store start(Path dataDir, int port, Path logDir, String... buckets) {
        try {
            Path objects = Files.createDirectories(dataDir.resolve("objects"));
            S3Credentials credentials = loadOrCreateCredentials(dataDir);
            Path config = writeConfig(dataDir, objects, port, credentials);
            Path logback = writeLogback(dataDir);
            ManagedProcess process = ManagedProcess.start("s3",
                    JavaCommand.mainClass(RuntimeLocator.classpath("s3"), "org.gaul.s3proxy.Main")
                            .jvm("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC")
                            .property("logback.configurationFile", logback.toString())
                            .args("--properties", config.toString()).toList(),
                    Map.of(), dataDir, logDir.resolve("s3.log"));
            S3Store store = new S3Store(process, port, credentials);
            try {
                store.awaitReadyWithBuckets(buckets);
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static S3Credentials loadOrCreateCredentials(Path dataDir) throws IOException {
        Path file = dataDir.resolve(CREDENTIALS_FILE);
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            return new S3Credentials(properties.getProperty("accessKey"), properties.getProperty("secretKey"));
        }
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        S3Credentials created = new S3Credentials("eventpipe-dev-" + Integer.toHexString(random.nextInt()),
                HexFormat.of().formatHex(secret));
        properties.setProperty("accessKey", created.accessKey());
        properties.setProperty("secretKey", created.secretKey());
        java.io.StringWriter text = new java.io.StringWriter();
        properties.store(text, "S3Proxy access key of this local stack (generated at first start)");
        Secrets.writeOwnerOnly(file, text.toString());
        return created;
    }

    private static Path writeConfig(Path dataDir, Path objects, int port, S3Credentials credentials) throws IOException {
        String config = String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + credentials.accessKey(),
                "s3proxy.credential=" + credentials.secretKey(),
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + objects.toAbsolutePath(),
                "");
        Path file = dataDir.resolve("s3proxy.properties");
        Secrets.writeOwnerOnly(file, config);
        return file;
    }

    private static Path writeLogback(Path dataDir) throws IOException {
        // S3Proxy dumps whole requests at DEBUG; WARN keeps the log useful.
        String config = "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\"><encoder>"
                + "<pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder></appender>"
                + "<root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>\n";
        Path file = dataDir.resolve("logback.xml");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return file;
    }

    private void awaitReadyWithBuckets(String... buckets) {
        try (S3Client s3 = newClient()) {
            Await.until("S3 at " + endpoint(), READY_TIMEOUT, () -> {
                process.checkAlive();
                try {
                    s3.listBuckets();
                    return true;
                } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                    return false;
                }
            });
            for (String bucket : buckets) {
                try {
                    s3.headBucket(b -> b.bucket(bucket));
                } catch (NoSuchBucketException e) {
                    s3.createBucket(b -> b.bucket(bucket));
                }
            }
        }
    }

    /** A client of this store (path-style, as S3Proxy needs); the caller closes it. */
    public S3Client newClient() {
        return S3Clients.create(endpoint(), "us-east-1", credentials.accessKey(), credentials.secretKey());
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public S3Credentials credentials() {
        return credentials;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public String address() {
        return endpoint();
    }

    @Override
    public void close() {
        process.close();
    }
}
