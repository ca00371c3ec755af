package io.eventpipe.processors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.common.config.Settings.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorsConfigTest {

    private static final Map<String, String> S3_KEYS = Map.of("EVENTPIPE_S3_ACCESS_KEY", "AKIDEXAMPLE",
            "EVENTPIPE_S3_SECRET_KEY", "wJalrXUtnFEMI-secret");

    private static Map<String, String> env(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(S3_KEYS);
        env.putAll(more);
        return env;
    }

    @Test
    void defaultsMatchTheLocalStackAndEnvironmentOverrides() {
        ProcessorsConfig config = ProcessorsConfig.load(null, env(Map.of("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "EVENTPIPE_STREAMS_THREADS", "4", "EVENTPIPE_INSTANCE_ID", "validator-7")));
        assertThat(config.bootstrapServers()).isEqualTo("broker:29092");
        assertThat(config.threads()).isEqualTo(4);
        assertThat(config.instanceId()).isEqualTo("validator-7");
        assertThat(config.registryUrl()).isEqualTo("http://127.0.0.1:8085/apis/ccompat/v7");
        assertThat(config.capturedMaxFuture()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.rootCertificate()).isEqualTo(Path.of(".eventpipe/pki/root/root.crt.pem"));
        assertThat(config.s3().endpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(config.bucket()).isEqualTo("eventpipe");
        assertThat(config.archiveMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.managementPort()).isEqualTo(8091);
    }

    @Test
    void theInstanceIdDefaultsToTheHostName() {
        assertThat(ProcessorsConfig.load(null, S3_KEYS).instanceId()).isNotBlank();
    }

    @Test
    void theS3SecretNeverShows() {
        ProcessorsConfig config = ProcessorsConfig.load(null, S3_KEYS);
        assertThat(config.toString()).doesNotContain("wJalrXUtnFEMI-secret").contains("AKIDEXAMPLE");
    }

    @Test
    void missingAndInvalidSettingsAreNamed() {
        assertThatThrownBy(() -> ProcessorsConfig.load(null, Map.of())).isInstanceOf(ConfigError.class)
                .hasMessageContaining("s3.access.key");
        assertThatThrownBy(() -> ProcessorsConfig.load(null, env(Map.of("EVENTPIPE_STREAMS_THREADS", "0"))))
                .isInstanceOf(ConfigError.class).hasMessageContaining("streams.threads");
        assertThatThrownBy(() -> ProcessorsConfig.load(null, env(Map.of("EVENTPIPE_MANAGEMENT_PORT", "70000"))))
                .isInstanceOf(ConfigError.class).hasMessageContaining("management.port");
    }

    /** docs/configuration.md is generated from the defaults file: every setting read is there, and nothing else. */
    @Test
    void everySettingReadIsDocumentedInTheDefaultsAndEveryDocumentedOneIsRead() {
        io.eventpipe.common.config.Settings settings = io.eventpipe.common.config.Settings.load(ProcessorsConfig.DEFAULTS, null,
                env(Map.of()));
        ProcessorsConfig.from(settings);
        assertThat(settings.readKeys()).containsExactlyInAnyOrderElementsOf(settings.documentedKeys());
    }
}
