package io.eventpipe.processors.config;

import io.eventpipe.common.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Typed settings of the stream processors. Nothing here is secret. */
public record ProcessorsConfig(
        String bootstrapServers,
        String registryUrl,
        String applicationId,
        int threads,
        Path stateDir,
        String bucket,
        Duration capturedMaxFuture) {

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
                settings.string("s3.bucket"),
                settings.duration("captured.max.future"));
    }
}
