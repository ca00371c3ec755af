package io.eventpipe.common.pki;

import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.crypto.Sha256;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** A certificate with its private key. toString never shows the key. */
public record Credentials(X509Certificate certificate, PrivateKey privateKey) {

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        return "Credentials[" + subject() + ", key=***]";
    }

    /** Lower-case hex SHA-256 of the DER certificate, as carried in event envelopes. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return Hex.encode(Sha256.digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
