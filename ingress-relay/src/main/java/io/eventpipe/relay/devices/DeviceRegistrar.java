package io.eventpipe.relay.devices;

import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.relay.auth.Revocations;
import io.eventpipe.relay.pow.Challenge;
import io.eventpipe.relay.pow.ChallengeService;
import io.eventpipe.relay.redis.SharedState;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * CONTRACT 2.2: a solved challenge and proof of possession of an Ed25519 key get a short-lived
 * device certificate from this relay. The device id is derived from the key, so a device that
 * registers again (to renew) keeps its id and its events.
 */
public final class DeviceRegistrar {

    private static final int DEVICE_ID_HEX_CHARS = 32;

    private final ChallengeService challenges;
    private final SharedState shared;
    private final Pki pki;
    private final CertificateIssuer issuer;
    private final Duration validity;
    private final Revocations revocations;

    public DeviceRegistrar(ChallengeService challenges, SharedState shared, Pki pki, Duration validity, Revocations revocations,
                           Clock clock) {
        this.challenges = challenges;
        this.shared = shared;
        this.pki = pki;
        this.revocations = revocations;
        this.issuer = new CertificateIssuer(pki.relay(), clock);
        this.validity = validity;
    }

    public static String deviceId(byte[] rawPublicKey) {
        return "dev-" + Hex.encode(Sha256.digest(rawPublicKey)).substring(0, DEVICE_ID_HEX_CHARS);
    }

    public Registration register(String token, String nonce, String publicKeyB64, String signatureB64) throws RegistrationProblem {
        // a revoked relay issues nothing more: its certificates would be refused everywhere anyway
        if (revocations.isRevoked(pki.relay().certificate())) {
            throw new RegistrationProblem(403, "relay_revoked", "this relay was revoked by an administrator; register at another relay");
        }
        ChallengeService.Verdict verdict = challenges.check(token, nonce);
        if (verdict != ChallengeService.Verdict.VALID) {
            throw new RegistrationProblem(verdict.status(), verdict.code(), verdict.message());
        }
        byte[] rawKey = decode(publicKeyB64, "publicKey");
        PublicKey key;
        try {
            key = Ed25519.publicKey(rawKey);
        } catch (IllegalArgumentException e) {
            throw new RegistrationProblem(400, "invalid_request", "publicKey must be the base64 of a 32-byte Ed25519 public key");
        }
        if (!Ed25519.verify(key, token.getBytes(StandardCharsets.UTF_8), decode(signatureB64, "signature"))) {
            throw new RegistrationProblem(401, "bad_proof_of_possession", "signature is not the key's signature of the challenge");
        }
        String deviceId = deviceId(rawKey);
        if (shared.isDeviceRevoked(deviceId)) {
            throw new RegistrationProblem(403, "device_revoked", "this device key was revoked by an administrator");
        }
        Challenge challenge = challenges.decode(token);
        if (!shared.spendOnce("pow", token, challenge.expiresAt())) {
            throw new RegistrationProblem(409, "challenge_reused", "the challenge was already used");
        }
        X509Certificate certificate = issuer.issue(deviceId, key, CertificateRole.DEVICE, validity);
        String certificatePem = Pem.encode(certificate);
        String relayPem = Pem.encode(pki.relay().certificate());
        shared.putDevice(deviceId, new SharedState.DeviceRecord(certificatePem, relayPem), certificate.getNotAfter().toInstant());
        return new Registration(deviceId, certificatePem, List.of(relayPem, Pem.encode(pki.root())),
                certificate.getNotAfter().toInstant());
    }

    private static byte[] decode(String base64, String field) throws RegistrationProblem {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RegistrationProblem(400, "invalid_request", field + " must be base64");
        }
    }
}
