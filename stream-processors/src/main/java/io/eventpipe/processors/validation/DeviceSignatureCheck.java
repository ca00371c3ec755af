package io.eventpipe.processors.validation;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.avro.RequestSignature;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.httpsig.ContentDigest;
import io.eventpipe.common.httpsig.HttpSignatures;
import io.eventpipe.common.httpsig.SignatureEvidence;
import io.eventpipe.common.httpsig.SignatureProblem;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.ChainValidator;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.pki.SubjectName;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Defence in depth: the device's request signature and certificate chain are verified again
 * here, from the evidence the relay kept, as of the moment the relay received the event. A
 * relay that is compromised or buggy cannot get an unsigned or forged event accepted.
 */
final class DeviceSignatureCheck {

    private static final HttpSignatures.Policy POLICY = new HttpSignatures.Policy(HttpSignatures.CONTRACT_COMPONENTS_WITH_BODY,
            HttpSignatures.CONTRACT_MAX_SKEW);

    private final ChainValidator chains;

    DeviceSignatureCheck(X509Certificate root) {
        this.chains = new ChainValidator(root);
    }

    List<RejectionReason> check(EventPackage pkg, byte[] body, References references) {
        RequestSignature signature = pkg.getSignature();
        if (signature == null) {
            return List.of(reason(Reasons.DEVICE_SIGNATURE_MISSING, "the relay sent no signature evidence with the event"));
        }
        List<X509Certificate> chain;
        try {
            chain = signature.getCertificateChainPem().stream().map(Pem::certificate).toList();
        } catch (RuntimeException e) {
            return List.of(reason(Reasons.DEVICE_CERTIFICATE_UNTRUSTED, "the certificate chain cannot be read"));
        }
        String certificateProblem = certificateProblem(pkg, chain);
        if (certificateProblem != null) {
            return List.of(reason(Reasons.DEVICE_CERTIFICATE_UNTRUSTED, certificateProblem));
        }
        List<RejectionReason> reasons = new ArrayList<>();
        verifySignature(pkg, signature, chain.get(0), reasons);
        if (signature.getContentDigest() == null || !ContentDigest.matches(signature.getContentDigest(), Sha256.digest(body))) {
            reasons.add(reason(Reasons.BODY_DIGEST_MISMATCH, "the body does not match the Content-Digest the device signed"));
        }
        if (chain.size() > 1 && issuerRevokedBefore(chain.get(1), pkg.getReceivedAt(), references)) {
            reasons.add(reason(Reasons.DEVICE_CERTIFICATE_REVOKED, "the relay that issued the device certificate was revoked"));
        }
        return reasons;
    }

    private String certificateProblem(EventPackage pkg, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return "no device certificate";
        }
        X509Certificate device = chain.get(0);
        boolean deviceCertificate = SubjectName.of(device)
                .filter(name -> name.commonName().equals(pkg.getDeviceId()) && name.role().equals(Optional.of(CertificateRole.DEVICE)))
                .isPresent();
        if (!deviceCertificate) {
            return "the signing certificate is not a device certificate of " + pkg.getDeviceId();
        }
        if (pkg.getCertificateFingerprint() != null && !pkg.getCertificateFingerprint().equals(Credentials.fingerprint(device))) {
            return "the envelope names another certificate than the one in the evidence";
        }
        String problem = chains.problem(chain, pkg.getReceivedAt());
        return problem == null ? null : problem + " at receipt";
    }

    private static void verifySignature(EventPackage pkg, RequestSignature signature, X509Certificate device,
                                        List<RejectionReason> reasons) {
        try {
            SignatureEvidence evidence = new SignatureEvidence(signature.getMethod(), signature.getTargetUri(),
                    signature.getSignatureInput(), signature.getSignature(), signature.getContentDigest(),
                    Map.copyOf(signature.getHeaders()), signature.getCertificateChainPem());
            HttpSignatures.verify(evidence.asRequest(), keyId -> keyId.equals(pkg.getDeviceId()) ? device.getPublicKey() : null,
                    POLICY, pkg.getReceivedAt());
            if (!"POST".equals(signature.getMethod())) {
                reasons.add(reason(Reasons.DEVICE_SIGNATURE_INVALID, "the device signed a " + signature.getMethod() + ", not an event"));
            }
        } catch (SignatureProblem e) {
            reasons.add(reason(Reasons.DEVICE_SIGNATURE_INVALID, e.getMessage()));
        } catch (IllegalArgumentException e) {
            reasons.add(reason(Reasons.DEVICE_SIGNATURE_INVALID, "the signature evidence is malformed: " + e.getMessage()));
        }
    }

    /** The issuing relay, known by its certificate's subject (validated to the root): every key it had goes with it. */
    private static boolean issuerRevokedBefore(X509Certificate issuer, Instant receivedAt, References references) {
        return SubjectName.of(issuer).filter(name -> name.role().equals(Optional.of(CertificateRole.RELAY)))
                .flatMap(name -> references.relay(name.commonName())).filter(relay -> revokedBefore(relay, receivedAt)).isPresent();
    }

    static boolean revokedBefore(RelayRecord relay, Instant receivedAt) {
        return relay.getStatus() == RelayStatus.REVOKED && (relay.getRevokedAt() == null || !relay.getRevokedAt().isAfter(receivedAt));
    }

    private static RejectionReason reason(String code, String message) {
        return EventValidator.reason(code, "", message);
    }
}
