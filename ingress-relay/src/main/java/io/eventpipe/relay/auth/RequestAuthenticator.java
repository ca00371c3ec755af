package io.eventpipe.relay.auth;

import io.eventpipe.common.httpsig.ContentDigest;
import io.eventpipe.common.httpsig.HttpSignatures;
import io.eventpipe.common.httpsig.SignatureEvidence;
import io.eventpipe.common.httpsig.SignatureProblem;
import io.eventpipe.common.httpsig.SignedRequest;
import io.eventpipe.common.pki.ChainValidator;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.relay.ratelimit.Decision;
import io.eventpipe.relay.ratelimit.Limit;
import io.eventpipe.relay.ratelimit.RateLimiter;
import io.eventpipe.relay.redis.SharedState;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * CONTRACT 2.3: a request is the device's when its RFC 9421 signature (keyid = deviceId)
 * verifies with the device's certificate, that certificate chains to the root through the
 * relay that issued it and is valid now, the body matches its Content-Digest, and the
 * signature has not been seen before on any relay.
 */
public final class RequestAuthenticator {

    public static final Duration MAX_SKEW = HttpSignatures.CONTRACT_MAX_SKEW;
    private static final List<String> ALWAYS = HttpSignatures.CONTRACT_COMPONENTS;
    private static final List<String> WITH_BODY = HttpSignatures.CONTRACT_COMPONENTS_WITH_BODY;

    private final SharedState shared;
    private final ChainValidator chains;
    private final Clock clock;
    private final RateLimiter limiter;
    private final Limit perDevice;
    private final Revocations revocations;

    public RequestAuthenticator(SharedState shared, X509Certificate root, RateLimiter limiter, Limit perDevice,
                                Revocations revocations, Clock clock) {
        this.shared = shared;
        this.revocations = revocations;
        this.limiter = limiter;
        this.perDevice = perDevice;
        this.chains = new ChainValidator(root);
        this.clock = clock;
    }

    /**
     * Authenticates a request whose body was read; bodySha256 is its digest (null when there is none).
     * SharedState.Unavailable propagates: without Redis nothing is let in.
     */
    public AuthenticatedDevice authenticate(SignedRequest request, byte[] bodySha256) throws AuthProblem {
        boolean hasBody = bodySha256 != null;
        Verification verification = verifySignature(request, hasBody ? WITH_BODY : ALWAYS);
        if (hasBody) {
            checkDigest(request, bodySha256);
        }
        return spend(verification);
    }

    /**
     * Authenticates a request before its (streamed) body is read: the signature must cover the
     * Content-Digest, whose sha-256 the caller compares with the bytes once they are read.
     */
    public StreamingAuthentication authenticateBeforeBody(SignedRequest request) throws AuthProblem {
        Verification verification = verifySignature(request, WITH_BODY);
        byte[] claimed;
        try {
            claimed = ContentDigest.claimedSha256(String.join(", ", request.headerValues(ContentDigest.HEADER)));
        } catch (IllegalArgumentException e) {
            throw new AuthProblem(400, "missing_digest", "a Content-Digest with a sha-256 value is required");
        }
        return new StreamingAuthentication(spend(verification), claimed);
    }

    /** A device authenticated before its body, and the body digest its signature vouches for. */
    public record StreamingAuthentication(AuthenticatedDevice device, byte[] claimedSha256) {
    }

    private record Verification(HttpSignatures.Verified verified, X509Certificate certificate, SignatureEvidence evidence) {
    }

    private Verification verifySignature(SignedRequest request, List<String> required) throws AuthProblem {
        Instant now = clock.instant();
        CertificateLookup lookup = new CertificateLookup(now);
        try {
            HttpSignatures.Verified verified = HttpSignatures.verify(request, lookup::publicKey,
                    new HttpSignatures.Policy(required, MAX_SKEW), now);
            return new Verification(verified, lookup.certificate,
                    SignatureEvidence.capture(request, verified.components(), lookup.chainPem));
        } catch (SignatureProblem e) {
            if (lookup.problem != null) {
                throw lookup.problem;
            }
            int status = "malformed_signature".equals(e.code()) ? 400 : 401;
            throw new AuthProblem(status, e.code(), e.getMessage());
        }
    }

    private AuthenticatedDevice spend(Verification verification) throws AuthProblem {
        HttpSignatures.Verified verified = verification.verified();
        Decision decision = limiter.take(perDevice, verified.keyId());
        if (!decision.allowed()) {
            throw new AuthProblem(429, "rate_limited", "too many requests from this device; retry later", decision.retryAfterSeconds());
        }
        String signature = Base64.getEncoder().encodeToString(verified.signature());
        if (!shared.spendOnce("signature", signature, verified.created().plus(MAX_SKEW).plus(MAX_SKEW))) {
            throw new AuthProblem(409, "replayed_signature", "this signature was already used; sign each request anew");
        }
        return new AuthenticatedDevice(verified.keyId(), Credentials.fingerprint(verification.certificate()),
                verification.evidence());
    }

    private static void checkDigest(SignedRequest request, byte[] bodySha256) throws AuthProblem {
        List<String> digest = request.headerValues(ContentDigest.HEADER);
        if (digest.isEmpty()) {
            throw new AuthProblem(400, "missing_digest", "a request with a body needs a Content-Digest (sha-256, RFC 9530)");
        }
        if (!ContentDigest.matches(String.join(", ", digest), bodySha256)) {
            throw new AuthProblem(401, "digest_mismatch", "the body does not match its Content-Digest");
        }
    }

    /** Finds the key of a key id and remembers why it could not, for a precise answer. */
    private final class CertificateLookup {
        private final Instant now;
        private AuthProblem problem;
        private X509Certificate certificate;
        private List<String> chainPem;

        CertificateLookup(Instant now) {
            this.now = now;
        }

        PublicKey publicKey(String deviceId) {
            if (shared.isDeviceRevoked(deviceId)) {
                problem = new AuthProblem(403, "revoked_certificate", "this device was revoked by an administrator");
                return null;
            }
            Optional<SharedState.DeviceRecord> record = shared.device(deviceId);
            if (record.isEmpty()) {
                problem = new AuthProblem(401, "unknown_device", "no current certificate for " + deviceId + "; register again");
                return null;
            }
            X509Certificate device = Pem.certificate(record.get().certificatePem());
            X509Certificate issuer = Pem.certificate(record.get().issuerPem());
            String chainProblem = chains.problem(List.of(device, issuer), now);
            if (chainProblem != null) {
                problem = new AuthProblem(401, chainProblem.contains("expired") ? "certificate_expired" : "untrusted_certificate",
                        chainProblem);
                return null;
            }
            if (revocations.isRevoked(issuer)) {
                problem = new AuthProblem(403, "revoked_certificate", "the relay that issued this device certificate was revoked; "
                        + "register again");
                return null;
            }
            certificate = device;
            chainPem = List.of(record.get().certificatePem(), record.get().issuerPem());
            return device.getPublicKey();
        }
    }
}
