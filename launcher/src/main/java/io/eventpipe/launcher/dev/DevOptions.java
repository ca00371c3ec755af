package io.eventpipe.launcher.dev;

import io.eventpipe.common.config.Settings;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it binds. The defaults are the
 * addresses of CONTRACT 5; each can be moved with an EVENTPIPE_DEV_* variable.
 */
public record DevOptions(
        Path home,
        Path dataDir,
        int relayPort,
        int adminPort,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaTlsPort,
        int registryPort,
        int s3Port,
        int postgresPort,
        int redisPort,
        int ethereumPort,
        int processorsManagementPort,
        int anchorManagementPort) {

    public static DevOptions from(Path home, Map<String, String> env) {
        Path data = Path.of(env.getOrDefault(Settings.envName("dev.data.dir"), home.resolve(".eventpipe").toString()));
        return new DevOptions(home, data.toAbsolutePath(),
                port(env, "dev.relay.port", 8080),
                port(env, "dev.admin.port", 8081),
                port(env, "dev.kafka.port", 9092),
                port(env, "dev.kafka.controller.port", 9093),
                port(env, "dev.kafka.tls.port", 9094),
                port(env, "dev.registry.port", 8085),
                port(env, "dev.s3.port", 9000),
                port(env, "dev.postgres.port", 5432),
                port(env, "dev.redis.port", 6379),
                port(env, "dev.ethereum.port", 8545),
                port(env, "dev.processors.port", 8091),
                port(env, "dev.anchor.port", 8092));
    }

    /** A stack beside any other: every port free now, data in dataDir (the benchmark's own stack). */
    public static DevOptions onFreePorts(Path home, Path dataDir) {
        int[] p = new int[12];
        for (int i = 0; i < p.length; i++) {
            p[i] = io.eventpipe.common.process.Ports.free();
        }
        return new DevOptions(home, dataDir.toAbsolutePath(), p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
    }

    private static int port(Map<String, String> env, String key, int defaultPort) {
        String value = env.get(Settings.envName(key));
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        return Settings.of(Map.of(key, value)).integer(key, 1, 65535);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Every port the stack binds, by what binds it, to check before starting anything. */
    public Map<String, Integer> ports() {
        return Map.ofEntries(Map.entry("relay", relayPort),
                Map.entry("kafka", kafkaPort), Map.entry("kafka controller", kafkaControllerPort),
                Map.entry("kafka tls", kafkaTlsPort), Map.entry("schema registry", registryPort), Map.entry("s3", s3Port),
                Map.entry("postgres", postgresPort), Map.entry("redis", redisPort), Map.entry("ethereum", ethereumPort),
                Map.entry("stream processors (management)", processorsManagementPort),
                Map.entry("anchor sink (management)", anchorManagementPort));
    }
}
