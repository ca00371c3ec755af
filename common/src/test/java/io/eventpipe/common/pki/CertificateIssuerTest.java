package io.eventpipe.common.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.common.crypto.Ed25519;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final Credentials root = CertificateIssuer.selfSignedRoot("EventPipe Root", Duration.ofDays(3650), CLOCK);
    private final Credentials relay =
            new CertificateIssuer(root, CLOCK).issueWithNewKey("relay-1", CertificateRole.RELAY, Duration.ofDays(7));
    private final KeyPair device = Ed25519.generate();
    private final X509Certificate deviceCert =
            new CertificateIssuer(relay, CLOCK).issue("dev-1", device.getPublic(), CertificateRole.DEVICE, Duration.ofHours(12));

    @Test
    void deviceChainValidatesUpToTheRoot() {
        ChainValidator validator = new ChainValidator(root.certificate());
        assertThat(validator.problem(List.of(deviceCert, relay.certificate()), NOW.plusSeconds(60))).isNull();
        assertThat(deviceCert.getSubjectX500Principal().getName()).startsWith("CN=dev-1");
        assertThat(deviceCert.getBasicConstraints()).isEqualTo(-1);
        assertThat(relay.certificate().getBasicConstraints()).isZero();
        assertThat(deviceCert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    }

    @Test
    void subjectNamesCarryIdentityAndRole() {
        assertThat(SubjectName.of(deviceCert)).hasValueSatisfying(name -> {
            assertThat(name.role()).contains(CertificateRole.DEVICE);
            assertThat(name.commonName()).isEqualTo("dev-1");
        });
        assertThat(SubjectName.of(relay.certificate()).orElseThrow().role()).contains(CertificateRole.RELAY);
        assertThat(SubjectName.of(root.certificate()).orElseThrow().role()).isEmpty();
    }

    @Test
    void expiredNotYetValidAndForeignChainsAreRefused() {
        ChainValidator validator = new ChainValidator(root.certificate());
        List<X509Certificate> chain = List.of(deviceCert, relay.certificate());
        assertThat(validator.problem(chain, NOW.plus(Duration.ofHours(13)))).isEqualTo("certificate expired");
        assertThat(validator.problem(chain, NOW.minus(Duration.ofHours(1)))).isEqualTo("certificate not yet valid");

        Credentials otherRoot = CertificateIssuer.selfSignedRoot("Elsewhere", Duration.ofDays(10), CLOCK);
        assertThat(new ChainValidator(otherRoot.certificate()).problem(chain, NOW)).isNotNull();
    }

    @Test
    void aDeviceCannotIssueCertificates() {
        Credentials deviceCredentials = new Credentials(deviceCert, device.getPrivate());
        assertThatThrownBy(() -> new CertificateIssuer(deviceCredentials, CLOCK)).hasMessageContaining("not a CA");
    }

    @Test
    void validityIsBoundedByRoleAndByTheIssuer() {
        CertificateIssuer relayIssuer = new CertificateIssuer(relay, CLOCK);
        assertThatThrownBy(() -> relayIssuer.issue("d", device.getPublic(), CertificateRole.DEVICE, Duration.ofHours(25)))
                .hasMessageContaining("at most");
        Credentials shortRelay = new CertificateIssuer(root, CLOCK).issueWithNewKey("r", CertificateRole.RELAY, Duration.ofHours(2));
        X509Certificate capped = new CertificateIssuer(shortRelay, CLOCK).issue("d", device.getPublic(), CertificateRole.DEVICE,
                Duration.ofHours(12));
        assertThat(capped.getNotAfter()).isEqualTo(shortRelay.certificate().getNotAfter());
    }

    @Test
    void pemRoundTripsAndKeysNeverShowInToString() {
        assertThat(Pem.certificate(Pem.encode(deviceCert))).isEqualTo(deviceCert);
        assertThat(Pem.certificates(Pem.encode(deviceCert) + Pem.encode(relay.certificate()))).hasSize(2);
        assertThat(Pem.privateKey(Pem.encode(relay.privateKey())).getEncoded()).isEqualTo(relay.privateKey().getEncoded());
        assertThat(relay.toString()).contains("key=***").doesNotContain(Pem.encode(relay.privateKey()));
        assertThatThrownBy(() -> Pem.certificates("-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Credentials.fingerprint(deviceCert)).hasSize(64);
    }

    /** CONTRACT 2.2: openssl verify -CAfile root.pem -untrusted relay.pem device.pem must succeed. */
    @Test
    void opensslAcceptsTheChain(@TempDir Path dir) throws Exception {
        Clock real = Clock.systemUTC();
        Credentials realRoot = CertificateIssuer.selfSignedRoot("EventPipe Root", Duration.ofDays(30), real);
        Credentials realRelay = new CertificateIssuer(realRoot, real).issueWithNewKey("relay-1", CertificateRole.RELAY, Duration.ofDays(7));
        X509Certificate realDevice = new CertificateIssuer(realRelay, real).issue("dev-1", device.getPublic(),
                CertificateRole.DEVICE, Duration.ofHours(12));
        Files.writeString(dir.resolve("root.pem"), Pem.encode(realRoot.certificate()));
        Files.writeString(dir.resolve("relay.pem"), Pem.encode(realRelay.certificate()));
        Files.writeString(dir.resolve("device.pem"), Pem.encode(realDevice));
        Process openssl = new ProcessBuilder("openssl", "verify", "-CAfile", "root.pem", "-untrusted", "relay.pem", "device.pem")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(out).isZero();
        assertThat(out).contains("device.pem: OK");
    }
}
