package io.eventpipe.relay.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.common.config.Settings;
import io.eventpipe.relay.enroll.EnrollmentConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayConfigTest {

    static final Map<String, String> REQUIRED = Map.of("EVENTPIPE_POW_SECRET", "ab".repeat(32),
            "EVENTPIPE_S3_ACCESS_KEY", "access", "EVENTPIPE_S3_SECRET_KEY", "s3-secret-value");

    /** docs/configuration.md is generated from the defaults file: every setting the relay reads is there, and nothing else. */
    @Test
    void everySettingReadIsDocumentedInTheDefaultsAndEveryDocumentedOneIsRead() {
        Settings settings = Settings.load(RelayConfig.DEFAULTS, null, REQUIRED);
        RelayConfig.from(settings);
        EnrollmentConfig.from(settings);
        assertThat(settings.readKeys()).containsExactlyInAnyOrderElementsOf(settings.documentedKeys());
    }

    @Test
    void secretsNeverShow() {
        assertThat(RelayConfig.load(null, REQUIRED).toString()).doesNotContain("s3-secret-value", "ab".repeat(32));
    }
}
