package io.eventpipe.relay.config;

import io.eventpipe.common.config.Settings;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.relay.ratelimit.Limit;
import io.eventpipe.storage.S3Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Typed settings of one relay instance. The proof-of-work secret never shows in toString. */
public record RelayConfig(
        String httpHost,
        int httpPort,
        String relayId,
        String instanceId,
        String bootstrapServers,
        String kafkaSecurityProtocol,
        String registryUrl,
        int replyPartition,
        Duration replyTimeout,
        int maxInFlight,
        String redisUrl,
        Path pkiDir,
        byte[] powSecret,
        int powMinDifficulty,
        int powMaxDifficulty,
        long powTargetPerMinute,
        Duration challengeTtl,
        Duration deviceCertificateValidity,
        S3Settings s3,
        int maxConcurrentUploads,
        Limit addressLimit,
        Limit registrationLimit,
        Limit deviceLimit,
        String appChainRpcUrl) {

    public static final String DEFAULTS = "relay-defaults.properties";
    public static final int AUTO_REPLY_PARTITION = -1;

    public static RelayConfig load(Path file, Map<String, String> environment) {
        return from(Settings.load(DEFAULTS, file, environment));
    }

    public static RelayConfig from(Settings settings) {
        int port = settings.integer("http.port", 0, 65535);
        String relayId = settings.string("relay.id");
        String instance = settings.string("relay.instance.id", relayId + "@" + hostName() + ":" + port);
        return new RelayConfig(
                settings.string("http.host"),
                port,
                relayId,
                instance,
                settings.string("kafka.bootstrap.servers"),
                settings.string("kafka.security.protocol"),
                settings.string("schema.registry.url"),
                settings.integer("reply.partition", AUTO_REPLY_PARTITION, 100_000),
                settings.duration("reply.timeout"),
                settings.integer("max.in.flight", 1, 1_000_000),
                settings.string("redis.url"),
                Path.of(settings.string("pki.dir")),
                secret(settings),
                settings.integer("pow.difficulty.min", 0, 64),
                settings.integer("pow.difficulty.max", 0, 64),
                settings.integer("pow.target.per.minute", 1, Integer.MAX_VALUE),
                settings.duration("pow.challenge.ttl"),
                settings.duration("device.certificate.validity"),
                new S3Settings(settings.string("s3.endpoint"), settings.string("s3.region"), settings.string("s3.bucket"),
                        settings.string("s3.access.key"), settings.string("s3.secret.key")),
                settings.integer("media.max.concurrent", 1, 1024),
                limit(settings, "address"),
                limit(settings, "registration"),
                limit(settings, "device"),
                settings.string("app.chain.rpc.url", ""));
    }

    private static Limit limit(Settings settings, String name) {
        return new Limit(name, settings.integer("ratelimit." + name + ".per.minute", 1, Integer.MAX_VALUE),
                settings.integer("ratelimit." + name + ".burst", 1, Integer.MAX_VALUE));
    }

    private static byte[] secret(Settings settings) {
        String hex = settings.string("pow.secret");
        try {
            byte[] secret = Hex.decode(hex);
            if (secret.length < 32) {
                throw new Settings.ConfigError("pow.secret", "must be at least 32 bytes (64 hex digits)");
            }
            return secret;
        } catch (IllegalArgumentException e) {
            throw new Settings.ConfigError("pow.secret", "must be hex");
        }
    }

    /** The same relay with another HTTP port and instance id (tests and additional local relays). */
    public RelayConfig withHttpPort(int port, String instance) {
        return new RelayConfig(httpHost, port, relayId, instance, bootstrapServers, kafkaSecurityProtocol, registryUrl, replyPartition,
                replyTimeout, maxInFlight, redisUrl, pkiDir, powSecret, powMinDifficulty, powMaxDifficulty, powTargetPerMinute,
                challengeTtl, deviceCertificateValidity, s3, maxConcurrentUploads, addressLimit, registrationLimit, deviceLimit,
                appChainRpcUrl);
    }

    /** The same relay waiting for replies on another partition for at most the timeout given. */
    public RelayConfig withReplies(int partition, Duration timeout) {
        return new RelayConfig(httpHost, httpPort, relayId, instanceId, bootstrapServers, kafkaSecurityProtocol, registryUrl, partition,
                timeout, maxInFlight, redisUrl, pkiDir, powSecret, powMinDifficulty, powMaxDifficulty, powTargetPerMinute,
                challengeTtl, deviceCertificateValidity, s3, maxConcurrentUploads, addressLimit, registrationLimit, deviceLimit,
                appChainRpcUrl);
    }

    @Override
    public String toString() {
        return "RelayConfig[relayId=" + relayId + ", instanceId=" + instanceId + ", http=" + httpHost + ":" + httpPort
                + ", kafka=" + bootstrapServers + " (" + kafkaSecurityProtocol + "), registry=" + registryUrl
                + ", redis=" + withoutCredentials(redisUrl) + ", pki=" + pkiDir
                + ", powSecret=***, pow=" + powMinDifficulty + ".." + powMaxDifficulty + " bits, " + s3 + "]";
    }


    /** redis://user:password@host -> redis://***@host: URLs may carry passwords. */
    static String withoutCredentials(String url) {
        return url.replaceFirst("//[^/@]*@", "//***@");
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
