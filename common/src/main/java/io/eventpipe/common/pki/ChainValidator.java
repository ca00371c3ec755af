package io.eventpipe.common.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a chain [leaf, intermediates...] up to the EventPipe root with the JDK's PKIX
 * validator: signatures, validity at the given instant, CA constraints and path length.
 * Revocation is EventPipe's own (the relay registry), checked by the callers.
 */
public final class ChainValidator {

    private final TrustAnchor root;

    public ChainValidator(X509Certificate root) {
        this.root = new TrustAnchor(root, null);
    }

    /** Null when the chain is valid at the instant, else why not (safe to show a client). */
    public String problem(List<X509Certificate> chain, Instant at) {
        if (chain.isEmpty()) {
            return "empty certificate chain";
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            PKIXParameters parameters = new PKIXParameters(Set.of(root));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return describe(e);
        } catch (GeneralSecurityException e) {
            return "certificate chain cannot be checked: " + e.getMessage();
        }
    }

    private static String describe(CertPathValidatorException e) {
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return "certificate expired";
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return "certificate not yet valid";
        }
        if (reason == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return "certificate signature invalid";
        }
        return "certificate chain not trusted";
    }
}
