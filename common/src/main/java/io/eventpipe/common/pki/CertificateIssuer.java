package io.eventpipe.common.pki;

import io.eventpipe.common.crypto.Ed25519;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues Ed25519 X.509 certificates (BouncyCastle): the self-signed root, relay and admin
 * certificates under the root, device certificates under a relay. One code path for the local
 * stack's first start, the admin-service and the relays.
 */
public final class CertificateIssuer {

    /** Backdating absorbs small clock differences between issuer and verifier. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credentials issuer;
    private final Clock clock;

    public CertificateIssuer(Credentials issuer, Clock clock) {
        if (issuer.certificate().getBasicConstraints() < 0) {
            throw new IllegalArgumentException("the issuer's certificate is not a CA certificate");
        }
        this.issuer = issuer;
        this.clock = clock;
    }

    public Credentials issuer() {
        return issuer;
    }

    /** A new self-signed root with a fresh key. */
    public static Credentials selfSignedRoot(String commonName, Duration validity, Clock clock) {
        KeyPair keys = Ed25519.generate();
        X500Principal name = new X500Principal("CN=" + commonName + ",O=EventPipe");
        X509Certificate certificate = build(name, keys.getPublic(), name, keys, CertificateRole.ROOT, validity, clock, null, List.of());
        return new Credentials(certificate, keys.getPrivate());
    }

    /** A certificate for the subject's key, signed by this issuer, valid from now for the validity given. */
    public X509Certificate issue(String commonName, PublicKey subjectKey, CertificateRole role, Duration validity) {
        return issue(commonName, subjectKey, role, validity, List.of());
    }

    /** As {@link #issue}, with subject alternative names (IP addresses or DNS names) for TLS servers. */
    public X509Certificate issue(String commonName, PublicKey subjectKey, CertificateRole role, Duration validity,
                                 List<String> alternativeNames) {
        if (role == CertificateRole.ROOT) {
            throw new IllegalArgumentException("a root is self-signed");
        }
        String unit = role.name().toLowerCase(java.util.Locale.ROOT);
        X500Principal subject = new X500Principal("CN=" + commonName + ",OU=" + unit + ",O=EventPipe");
        KeyPair issuerKeys = new KeyPair(issuer.certificate().getPublicKey(), issuer.privateKey());
        return build(subject, subjectKey, issuer.certificate().getSubjectX500Principal(), issuerKeys, role, validity, clock,
                issuer.certificate(), alternativeNames);
    }

    /** A new key pair and its certificate. */
    public Credentials issueWithNewKey(String commonName, CertificateRole role, Duration validity) {
        KeyPair keys = Ed25519.generate();
        return new Credentials(issue(commonName, keys.getPublic(), role, validity), keys.getPrivate());
    }

    private static boolean isIpAddress(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    private static X509Certificate build(X500Principal subject, PublicKey subjectKey, X500Principal issuerName, KeyPair issuerKeys,
                                         CertificateRole role, Duration validity, Clock clock, X509Certificate issuerCertificate,
                                         List<String> alternativeNames) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(role.maxValidity()) > 0) {
            throw new IllegalArgumentException(role + " certificates are valid for at most " + role.maxValidity());
        }
        Instant now = clock.instant();
        Instant notAfter = now.plus(validity);
        if (issuerCertificate != null && notAfter.isAfter(issuerCertificate.getNotAfter().toInstant())) {
            notAfter = issuerCertificate.getNotAfter().toInstant(); // never outlive the issuer
        }
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(BACKDATE)), Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCertificate == null
                    ? extensions.createAuthorityKeyIdentifier(subjectKey)
                    : extensions.createAuthorityKeyIdentifier(issuerCertificate));
            if (role.isCertificateAuthority()) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(role.pathLength()));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            }
            if (role == CertificateRole.SERVER) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            } else if (role != CertificateRole.ROOT) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            if (!alternativeNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames.stream()
                        .map(n -> new GeneralName(isIpAddress(n) ? GeneralName.iPAddress : GeneralName.dNSName, n))
                        .toArray(GeneralName[]::new)));
            }
            ContentSigner signer = new JcaContentSignerBuilder("Ed25519").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException | CertificateException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build a certificate: " + e.getMessage(), e);
        }
    }
}
