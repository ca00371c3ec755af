package io.eventpipe.relay.config;

import io.eventpipe.common.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Typed settings of one relay instance. Nothing here is secret yet (keys arrive with device auth). */
public record RelayConfig(
        String httpHost,
        int httpPort,
        String relayId,
        String instanceId,
        String bootstrapServers,
        String registryUrl,
        int replyPartition,
        Duration replyTimeout,
        int maxInFlight) {

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
                settings.string("schema.registry.url"),
                settings.integer("reply.partition", AUTO_REPLY_PARTITION, 100_000),
                settings.duration("reply.timeout"),
                settings.integer("max.in.flight", 1, 1_000_000));
    }

    /** The same relay with another HTTP port (tests and additional local relays). */
    public RelayConfig withHttpPort(int port) {
        return new RelayConfig(httpHost, port, relayId, instanceId, bootstrapServers, registryUrl, replyPartition,
                replyTimeout, maxInFlight);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
