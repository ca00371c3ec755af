package io.eventpipe.processors.config;

import io.eventpipe.common.config.Settings;
import io.eventpipe.storage.S3Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Typed settings of the stream processors (validation topology and archive). The only secret,
 * the S3 secret key, is hidden by S3Settings' toString.
 *
 * @param instanceId names this instance's archive transactions; unique per running instance, stable across its restarts
 * @param managementPort port of /health, /ready and /metrics; 0 picks a free one
 */
public record ProcessorsConfig(
        String bootstrapServers,
        String registryUrl,
        String applicationId,
        int threads,
        Path stateDir,
        Duration capturedMaxFuture,
        Path rootCertificate,
        S3Settings s3,
        String archiveGroupId,
        Duration archiveMaxBackoff,
        String instanceId,
        int managementPort) {

    public static final String DEFAULTS = "processors-defaults.properties";

    public static ProcessorsConfig load(Path file, Map<String, String> environment) {
        return from(Settings.load(DEFAULTS, file, environment));
    }

    public static ProcessorsConfig from(Settings settings) {
        return new ProcessorsConfig(
                settings.string("kafka.bootstrap.servers"),
                settings.string("schema.registry.url"),
                settings.string("application.id"),
                settings.integer("streams.threads", 1, 64),
                Path.of(settings.string("streams.state.dir")),
                settings.duration("captured.max.future"),
                Path.of(settings.string("pki.root.certificate")),
                new S3Settings(settings.string("s3.endpoint"), settings.string("s3.region"), settings.string("s3.bucket"),
                        settings.string("s3.access.key"), settings.string("s3.secret.key")),
                settings.string("archive.group.id"),
                settings.duration("archive.max.backoff"),
                settings.string("instance.id", hostName()),
                settings.integer("management.port", 0, 65535));
    }

    /**
     * The EVENTPIPE_* variables that wire an instance to a broker, registry, root certificate and
     * object store, by the names this record reads (the tests of the relay and processors use it).
     */
    public static Map<String, String> environment(String bootstrapServers, String registryUrl, String applicationId,
                                                  String instanceId, Path rootCertificate, S3Settings s3) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put(Settings.envName("kafka.bootstrap.servers"), bootstrapServers);
        env.put(Settings.envName("schema.registry.url"), registryUrl);
        env.put(Settings.envName("application.id"), applicationId);
        env.put(Settings.envName("archive.group.id"), applicationId + "-archiver");
        env.put(Settings.envName("instance.id"), instanceId);
        env.put(Settings.envName("pki.root.certificate"), rootCertificate.toString());
        env.put(Settings.envName("s3.endpoint"), s3.endpoint());
        env.put(Settings.envName("s3.region"), s3.region());
        env.put(Settings.envName("s3.bucket"), s3.bucket());
        env.put(Settings.envName("s3.access.key"), s3.accessKey());
        env.put(Settings.envName("s3.secret.key"), s3.secretKey());
        return env;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    public String bucket() {
        return s3.bucket();
    }
}
