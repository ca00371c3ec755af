package io.eventpipe.common.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.common.crypto.Ed25519;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10's attack table, certificate rows: expired, not yet valid, foreign root, forged issuer signature. */
class ChainValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Credentials root = CertificateIssuer.selfSignedRoot("Root", Duration.ofDays(365), clock);
    private final Credentials relay = new CertificateIssuer(root, clock).issueWithNewKey("relay-1", CertificateRole.RELAY,
            Duration.ofDays(30));
    private final ChainValidator validator = new ChainValidator(root.certificate());

    private X509Certificate device(Clock issuedAt, Duration validity) {
        return new CertificateIssuer(relay, issuedAt).issue("dev-1", Ed25519.generate().getPublic(), CertificateRole.DEVICE, validity);
    }

    @Test
    void aCurrentChainToTheRootIsValid() {
        assertThat(validator.problem(List.of(device(clock, Duration.ofHours(24)), relay.certificate()), NOW.plusSeconds(60))).isNull();
    }

    @Test
    void expiredAndNotYetValidCertificatesAreRefusedWithTheirReason() {
        X509Certificate device = device(clock, Duration.ofHours(1));
        List<X509Certificate> chain = List.of(device, relay.certificate());
        assertThat(validator.problem(chain, NOW.plus(Duration.ofHours(2)))).isEqualTo("certificate expired");
        X509Certificate future = device(Clock.offset(clock, Duration.ofHours(5)), Duration.ofHours(1));
        assertThat(validator.problem(List.of(future, relay.certificate()), NOW)).isEqualTo("certificate not yet valid");
    }

    @Test
    void aChainOfAnotherRootIsNotTrusted() {
        Credentials foreignRoot = CertificateIssuer.selfSignedRoot("Root", Duration.ofDays(365), clock);
        Credentials foreignRelay = new CertificateIssuer(foreignRoot, clock).issueWithNewKey("relay-1", CertificateRole.RELAY,
                Duration.ofDays(30));
        X509Certificate device = new CertificateIssuer(foreignRelay, clock).issue("dev-1", Ed25519.generate().getPublic(),
                CertificateRole.DEVICE, Duration.ofHours(24));
        assertThat(validator.problem(List.of(device, foreignRelay.certificate()), NOW)).isNotNull();
    }

    @Test
    void aCertificateSignedByAnImpostorWithTheRelaysNameIsRefused() {
        // same subject as the real relay, other key: the device certificate it signs must not chain to the root
        Credentials impostor = new Credentials(relay.certificate(), Ed25519.generate().getPrivate());
        X509Certificate forged = new CertificateIssuer(impostor, clock).issue("dev-1", Ed25519.generate().getPublic(),
                CertificateRole.DEVICE, Duration.ofHours(24));
        assertThat(validator.problem(List.of(forged, relay.certificate()), NOW)).isNotNull();
        assertThat(validator.problem(List.of(), NOW)).isEqualTo("empty certificate chain");
    }
}
