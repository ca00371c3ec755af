package io.eventpipe.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.avro.RequestSignature;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.processors.SignedPackages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defence in depth: the processors verify the device's signature and certificate again, as of receipt. */
class DeviceSignatureTopologyTest extends TopologyTestBase {

    private static final String BODY = body("2026-11-24T07:59:00Z");

    private List<String> codesOf(EventPackage pkg) {
        send(pkg);
        return onlyRejection().getReasons().stream().map(r -> r.getCode()).toList();
    }

    private EventPackage.Builder valid() {
        return packages.pkg(EVENT_ID, BODY, NOW);
    }

    @Test
    void aSignedEventFromATrustedDeviceIsAccepted() {
        send(valid().build());
        assertThat(validated.readValue().getDeviceId()).isEqualTo("device-1");
    }

    @Test
    void anEventWithoutSignatureEvidenceIsRejected() {
        assertThat(codesOf(valid().setSignature(null).build())).containsExactly(Reasons.DEVICE_SIGNATURE_MISSING);
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        RequestSignature forged = packages.signature(BODY.getBytes(StandardCharsets.UTF_8), NOW, Ed25519.generate().getPrivate());
        assertThat(codesOf(valid().setSignature(forged).build())).containsExactly(Reasons.DEVICE_SIGNATURE_INVALID);
    }

    @Test
    void aBodyChangedAfterSigningIsRejected() {
        String other = body("2026-11-24T07:58:00Z");
        RequestSignature signedOther = packages.signature(other.getBytes(StandardCharsets.UTF_8), NOW, packages.device().privateKey());
        assertThat(codesOf(valid().setSignature(signedOther).build())).containsExactly(Reasons.BODY_DIGEST_MISMATCH);
    }

    @Test
    void tamperedEvidenceIsRejected() {
        RequestSignature tampered = valid().getSignature();
        tampered.setMethod("PUT");
        assertThat(codesOf(valid().setSignature(tampered).build())).containsExactly(Reasons.DEVICE_SIGNATURE_INVALID);
    }

    @Test
    void aSignatureMadeLongBeforeReceiptIsRejected() {
        RequestSignature stale = packages.signature(BODY.getBytes(StandardCharsets.UTF_8), NOW.minus(Duration.ofMinutes(6)),
                packages.device().privateKey());
        assertThat(codesOf(valid().setSignature(stale).build())).containsExactly(Reasons.DEVICE_SIGNATURE_INVALID);
    }

    @Test
    void aCertificateFromAnotherRootIsRejected() {
        Credentials foreignRoot = CertificateIssuer.selfSignedRoot("Other Root", Duration.ofDays(1), java.time.Clock.systemUTC());
        Credentials foreignRelay = new CertificateIssuer(foreignRoot, java.time.Clock.systemUTC())
                .issueWithNewKey("relay-1", CertificateRole.RELAY, Duration.ofDays(1));
        var keys = Ed25519.generate();
        var foreignDevice = new CertificateIssuer(foreignRelay, java.time.Clock.systemUTC())
                .issue("device-1", keys.getPublic(), CertificateRole.DEVICE, Duration.ofHours(1));
        RequestSignature signature = packages.signature("device-1", BODY.getBytes(StandardCharsets.UTF_8), NOW, keys.getPrivate(),
                foreignDevice);
        signature.setCertificateChainPem(List.of(Pem.encode(foreignDevice), Pem.encode(foreignRelay.certificate())));
        assertThat(codesOf(valid().setSignature(signature).setCertificateFingerprint(Credentials.fingerprint(foreignDevice)).build()))
                .containsExactly(Reasons.DEVICE_CERTIFICATE_UNTRUSTED);
    }

    @Test
    void aCertificateExpiredAtReceiptIsRejected() {
        Instant late = NOW.plus(Duration.ofHours(30));
        EventPackage pkg = packages.pkg(EVENT_ID, BODY, late).build();
        assertThat(codesOf(pkg)).contains(Reasons.DEVICE_CERTIFICATE_UNTRUSTED);
    }

    @Test
    void anotherDevicesCertificateCannotSpeakForThisDevice() {
        Credentials other = packages.device("device-2");
        RequestSignature signature = packages.signature("device-1", BODY.getBytes(StandardCharsets.UTF_8), NOW, other.privateKey(),
                other.certificate());
        assertThat(codesOf(valid().setSignature(signature).setCertificateFingerprint(Credentials.fingerprint(other.certificate()))
                .build())).containsExactly(Reasons.DEVICE_CERTIFICATE_UNTRUSTED);
        // and the envelope must name the certificate of the evidence
        assertThat(codesOf(valid().setCertificateFingerprint("00".repeat(32)).build()))
                .containsExactly(Reasons.DEVICE_CERTIFICATE_UNTRUSTED);
    }

    @Test
    void devicesCertifiedByARelayRevokedBeforeReceiptAreRejected() {
        relays.pipeInput(SignedPackages.RELAY_ID, RelayRecord.newBuilder().setRelayId(SignedPackages.RELAY_ID).setName("issuer")
                .setStatus(RelayStatus.REVOKED).setCertificateFingerprint(Credentials.fingerprint(packages.relay().certificate()))
                .setRevokedAt(NOW.minusSeconds(1)).setUpdatedAt(NOW).build());
        // the event arrived through another relay; its device was certified by the revoked one
        assertThat(codesOf(valid().setRelayId("relay-2").build())).containsExactly(Reasons.DEVICE_CERTIFICATE_REVOKED);
    }

    @Test
    void aRevokedRelayTakesTheKeysItRotatedAwayWithIt() {
        // the registry names the relay's current (rotated) certificate; the device was certified by its earlier key
        relays.pipeInput(SignedPackages.RELAY_ID, RelayRecord.newBuilder().setRelayId(SignedPackages.RELAY_ID).setName("issuer")
                .setStatus(RelayStatus.REVOKED).setCertificateFingerprint("00".repeat(32))
                .setRevokedAt(NOW.minusSeconds(1)).setUpdatedAt(NOW).build());
        assertThat(codesOf(valid().setRelayId("relay-2").build())).containsExactly(Reasons.DEVICE_CERTIFICATE_REVOKED);
    }

    @Test
    void rejectionsAreCountedPerReasonAndBranch() {
        send(valid().build());
        validated.readValue();
        codesOf(valid().setSignature(null).build());
        assertThat(meters.get("eventpipe.validation.events").tag("outcome", "valid").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("eventpipe.validation.events").tag("outcome", "rejected").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("eventpipe.validation.rejections").tag("reason", Reasons.DEVICE_SIGNATURE_MISSING).counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("eventpipe.validation.latency").timer().count()).isEqualTo(2);
    }
}
