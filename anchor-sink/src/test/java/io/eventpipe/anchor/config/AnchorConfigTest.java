package io.eventpipe.anchor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.common.config.Settings.ConfigError;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnchorConfigTest {

    private static final String KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    private static Map<String, String> env(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("EVENTPIPE_S3_ACCESS_KEY", "AKID", "EVENTPIPE_S3_SECRET_KEY", "s3-secret-value",
                "EVENTPIPE_SIGNER_PRIVATE_KEY", KEY, "EVENTPIPE_DB_PASSWORD", "db-secret-value"));
        env.putAll(more);
        return env;
    }

    @Test
    void defaultsSuitALaptopAndABusyClusterAndTheEnvironmentOverrides() {
        AnchorConfig config = AnchorConfig.load(null, env(Map.of("EVENTPIPE_CONFIRMATIONS", "3", "EVENTPIPE_FEE_MAX_GWEI", "50")));
        assertThat(config.batchMaxSize()).isEqualTo(10_000);
        assertThat(config.batchMaxAge()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.confirmations()).isEqualTo(3);
        assertThat(config.feeCaps().maxFeePerGas()).isEqualTo(BigInteger.valueOf(50_000_000_000L));
        assertThat(config.feeCaps().maxPriorityFee()).isEqualTo(BigInteger.valueOf(2_000_000_000L));
        assertThat(config.rpcUrl()).isEqualTo("http://127.0.0.1:8545");
        assertThat(config.deployContract()).isFalse();
        assertThat(config.managementPort()).isEqualTo(8092);
    }

    @Test
    void noSecretShowsInToString() {
        String shown = AnchorConfig.load(null, env(Map.of())).toString();
        assertThat(shown).doesNotContain(KEY, "s3-secret-value", "db-secret-value").contains("AKID");
    }

    @Test
    void aSigningKeyIsRequiredAndLimitsAreChecked() {
        Map<String, String> withoutKey = env(Map.of());
        withoutKey.remove("EVENTPIPE_SIGNER_PRIVATE_KEY");
        assertThatThrownBy(() -> AnchorConfig.load(null, withoutKey)).isInstanceOf(ConfigError.class).hasMessageContaining("signer");
        assertThatThrownBy(() -> AnchorConfig.load(null, env(Map.of("EVENTPIPE_BATCH_MAX_SIZE", "0"))))
                .isInstanceOf(ConfigError.class).hasMessageContaining("batch.max.size");
        assertThatThrownBy(() -> AnchorConfig.load(null, env(Map.of("EVENTPIPE_CONFIRMATIONS", "0"))))
                .isInstanceOf(ConfigError.class).hasMessageContaining("confirmations");
    }

    /** docs/configuration.md is generated from the defaults file: every setting read is there, and nothing else. */
    @Test
    void everySettingReadIsDocumentedInTheDefaultsAndEveryDocumentedOneIsRead() {
        io.eventpipe.common.config.Settings settings = io.eventpipe.common.config.Settings.load(AnchorConfig.DEFAULTS, null,
                env(Map.of()));
        AnchorConfig.from(settings);
        assertThat(settings.readKeys()).containsExactlyInAnyOrderElementsOf(settings.documentedKeys());
    }
}
