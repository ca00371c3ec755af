package io.eventpipe.common.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelayStatementTest {

    private final Credentials root = CertificateIssuer.selfSignedRoot("Root", Duration.ofDays(1), Clock.systemUTC());
    private final RelayStatement statement = new RelayStatement("relay-1", "Relay one", "APPROVED", "https://relay-1.example",
            "ab".repeat(32), Instant.parse("2026-11-24T08:00:00Z"));

    @Test
    void canonicalFormIsSortedAndStable() {
        assertThat(new String(statement.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"certificateFingerprint\":\"" + "ab".repeat(32) + "\",\"endpoint\":\"https://relay-1.example\","
                        + "\"name\":\"Relay one\",\"relayId\":\"relay-1\",\"status\":\"APPROVED\",\"updatedAt\":\"2026-11-24T08:00:00Z\"}");
    }

    @Test
    void theRootSignatureCoversEveryField() {
        String signature = statement.sign(root.privateKey());
        assertThat(statement.verify(root.certificate().getPublicKey(), signature)).isTrue();
        RelayStatement revokedLater = new RelayStatement("relay-1", "Relay one", "REVOKED", "https://relay-1.example",
                "ab".repeat(32), statement.updatedAt());
        assertThat(revokedLater.verify(root.certificate().getPublicKey(), signature)).isFalse();
        Credentials other = CertificateIssuer.selfSignedRoot("Other", Duration.ofDays(1), Clock.systemUTC());
        assertThat(statement.verify(other.certificate().getPublicKey(), signature)).isFalse();
        assertThat(statement.verify(root.certificate().getPublicKey(), "not base64!")).isFalse();
        assertThat(statement.verify(root.certificate().getPublicKey(), null)).isFalse();
    }
}
