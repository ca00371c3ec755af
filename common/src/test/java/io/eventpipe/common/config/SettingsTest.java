package io.eventpipe.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void environmentOverridesFileOverridesDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("relay.properties");
        Files.writeString(file, "http.port=9090\nreply.timeout=2s\n");
        Settings settings = Settings.load("settings-test.properties", file,
                Map.of("EVENTPIPE_HTTP_PORT", "7070", "UNRELATED", "x"));
        assertThat(settings.integer("http.port", 1, 65535)).isEqualTo(7070);
        assertThat(settings.duration("reply.timeout")).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.string("kafka.bootstrap.servers")).isEqualTo("127.0.0.1:9092");
        assertThat(settings.withPrefix("kafka.producer.")).containsExactly(Map.entry("linger.ms", "5"));
    }

    @Test
    void envNamesAreDerivedFromKeys() {
        assertThat(Settings.envName("kafka.bootstrap.servers")).isEqualTo("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(Settings.envName("s3.secret-key")).isEqualTo("EVENTPIPE_S3_SECRET_KEY");
    }

    @Test
    void durationsInEveryAcceptedForm() {
        Settings settings = Settings.of(Map.of("a", "500ms", "b", "PT1.5S", "c", "2m", "d", "1h", "e", "soon", "f", "180d"));
        assertThat(settings.duration("a")).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.duration("b")).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.duration("c")).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.duration("d")).isEqualTo(Duration.ofHours(1));
        assertThat(settings.duration("f")).isEqualTo(Duration.ofDays(180));
        assertThatThrownBy(() -> settings.duration("e")).hasMessageContaining("setting e must be a duration");
    }

    @Test
    void errorsNameTheSettingAndItsVariable() {
        Settings settings = Settings.of(Map.of("port", "99999", "n", "many"));
        assertThatThrownBy(() -> settings.string("missing")).hasMessageContaining("EVENTPIPE_MISSING");
        assertThatThrownBy(() -> settings.integer("port", 1, 65535)).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> settings.integer("n", 1, 2)).hasMessageContaining("must be an integer");
    }
}
