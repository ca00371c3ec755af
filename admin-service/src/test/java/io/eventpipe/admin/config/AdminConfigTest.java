package io.eventpipe.admin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.common.config.Settings.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

    @Test
    void defaultsAreTheLocalStacksAndTheEnvironmentOverrides() {
        AdminConfig config = AdminConfig.load(null, Map.of("EVENTPIPE_HTTP_PORT", "18081", "EVENTPIPE_SESSION_TTL", "5m"));
        assertThat(config.httpPort()).isEqualTo(18081);
        assertThat(config.sessionTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.adminCertificateValidity()).isEqualTo(Duration.ofDays(180));
        assertThat(config.rootKey()).isEqualTo(Path.of(".eventpipe/pki/root/root.key.pem"));
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/eventpipe");
    }

    @Test
    void theDatabasePasswordNeverShows() {
        assertThat(AdminConfig.load(null, Map.of("EVENTPIPE_DB_PASSWORD", "pg-secret-value")).toString())
                .doesNotContain("pg-secret-value").contains("dbPassword=***");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> AdminConfig.load(null, Map.of("EVENTPIPE_SESSION_TTL", "forever"))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("session.ttl");
    }

    @Test
    void relaysAreLaunchedByNobodyUnlessTheLocalProvisionerIsConfiguredWithItsLaunchFile() {
        assertThat(AdminConfig.load(null, Map.of()).relayProvisioner()).isEqualTo(AdminConfig.PROVISIONER_NONE);
        assertThatThrownBy(() -> AdminConfig.load(null, Map.of("EVENTPIPE_RELAY_PROVISIONER", "kubernetes")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("relay.provisioner");
        assertThatThrownBy(() -> AdminConfig.load(null, Map.of("EVENTPIPE_RELAY_PROVISIONER", "local")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("relay.provisioner.local.launch");
        AdminConfig local = AdminConfig.load(null, Map.of("EVENTPIPE_RELAY_PROVISIONER", "local",
                "EVENTPIPE_RELAY_PROVISIONER_LOCAL_LAUNCH", "/data/relays/launch.properties"));
        assertThat(local.relayLaunchFile()).isEqualTo(Path.of("/data/relays/launch.properties"));
    }

    /** docs/configuration.md is generated from the defaults file: every setting read is there, and nothing else. */
    @Test
    void everySettingReadIsDocumentedInTheDefaultsAndEveryDocumentedOneIsRead() {
        io.eventpipe.common.config.Settings settings = io.eventpipe.common.config.Settings.load(AdminConfig.DEFAULTS, null,
                Map.of());
        AdminConfig.from(settings);
        assertThat(settings.readKeys()).containsExactlyInAnyOrderElementsOf(settings.documentedKeys());
    }
}
