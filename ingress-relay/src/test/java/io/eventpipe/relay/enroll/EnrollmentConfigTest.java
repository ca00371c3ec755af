package io.eventpipe.relay.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.common.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrollmentConfigTest {

    @Test
    void noEnrollmentUnlessBothTheUrlAndTheTokenFileAreGiven() {
        assertThat(EnrollmentConfig.from(Settings.of(Map.of()))).isEmpty();
        assertThat(EnrollmentConfig.from(Settings.of(Map.of("enrollment.url", "", "enrollment.token.file", "")))).isEmpty();
        assertThat(EnrollmentConfig.from(Settings.of(Map.of("enrollment.url", "http://127.0.0.1:8081/v1/relays/enroll",
                "enrollment.token.file", "/data/relays/r2/enrollment.token"))))
                .contains(new EnrollmentConfig(URI.create("http://127.0.0.1:8081/v1/relays/enroll"),
                        Path.of("/data/relays/r2/enrollment.token")));
        assertThatThrownBy(() -> EnrollmentConfig.from(Settings.of(Map.of("enrollment.url", "http://a/v1/relays/enroll"))))
                .isInstanceOf(Settings.ConfigError.class).hasMessageContaining("enrollment.token.file");
        assertThatThrownBy(() -> EnrollmentConfig.from(Settings.of(Map.of("enrollment.url", "file:///etc/passwd",
                "enrollment.token.file", "/t")))).isInstanceOf(Settings.ConfigError.class).hasMessageContaining("http");
    }
}
