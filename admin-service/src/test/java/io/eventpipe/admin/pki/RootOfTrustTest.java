package io.eventpipe.admin.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.admin.config.AdminConfig;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.KeyStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootOfTrustTest {

    @Test
    void aRootFromAnOperatorsKeyStoreIssuesCertificatesThatChainToIt(@TempDir Path dir) {
        Credentials root = CertificateIssuer.selfSignedRoot("Operator Root", Duration.ofDays(365), Clock.systemUTC());
        Path keystore = dir.resolve("root.p12");
        KeyStores.writeKeyStore(keystore, "s3cret-pass".toCharArray(), root, List.of());
        AdminConfig config = AdminConfig.load(null, Map.of("EVENTPIPE_PKI_ROOT_KEYSTORE", keystore.toString(),
                "EVENTPIPE_PKI_ROOT_KEYSTORE_PASSWORD", "s3cret-pass"));
        assertThat(config.toString()).doesNotContain("s3cret-pass");

        RootOfTrust trust = RootOfTrust.load(config, Clock.systemUTC());
        assertThat(trust.certificate()).isEqualTo(root.certificate());
        var relay = trust.issueRelay("relay-x", Ed25519.generate().getPublic(), Duration.ofDays(7));
        assertThat(trust.chainProblem(List.of(relay), Instant.now())).isNull();

        AdminConfig wrongPassword = AdminConfig.load(null, Map.of("EVENTPIPE_PKI_ROOT_KEYSTORE", keystore.toString(),
                "EVENTPIPE_PKI_ROOT_KEYSTORE_PASSWORD", "guess"));
        assertThatThrownBy(() -> RootOfTrust.load(wrongPassword, Clock.systemUTC())).hasMessageContaining("cannot read key store")
                .hasMessageNotContaining("guess");
    }
}
