package io.eventpipe.admin.pki;

import io.eventpipe.admin.config.AdminConfig;
import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.ChainValidator;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.KeyStores;
import io.eventpipe.common.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The root of trust held by the admin service: it issues admin certificates (months) and relay
 * certificates (days), and every certificate it is shown is checked against it.
 */
public final class RootOfTrust {

    private final Credentials root;
    private final CertificateIssuer issuer;
    private final ChainValidator chains;

    public RootOfTrust(Credentials root, Clock clock) {
        this.root = root;
        this.issuer = new CertificateIssuer(root, clock);
        this.chains = new ChainValidator(root.certificate());
    }

    /**
     * Loads the root: from a PKCS#12 key store when one is configured (pki.root.keystore, as
     * operators keep it), else from its PEM files (created by the local stack at first start).
     */
    public static RootOfTrust load(AdminConfig config, Clock clock) {
        if (config.rootKeystore() != null) {
            return new RootOfTrust(KeyStores.readKeyStore(config.rootKeystore(), config.rootKeystorePassword().toCharArray(),
                    config.rootKeystoreAlias()), clock);
        }
        try {
            X509Certificate certificate = Pem.certificate(Files.readString(config.rootCertificate()));
            return new RootOfTrust(new Credentials(certificate, Pem.privateKey(Files.readString(config.rootKey()))), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the root certificate and key (" + config.rootCertificate() + ", "
                    + config.rootKey() + ")", e);
        }
    }

    public X509Certificate certificate() {
        return root.certificate();
    }

    public X509Certificate issueAdmin(String adminId, PublicKey key, Duration validity) {
        return issuer.issue(adminId, key, CertificateRole.ADMIN, validity);
    }

    public X509Certificate issueRelay(String relayId, PublicKey key, Duration validity) {
        return issuer.issue(relayId, key, CertificateRole.RELAY, validity);
    }

    /** Null when the chain (leaf first, without the root) is valid now; else why not. */
    public String chainProblem(List<X509Certificate> chain, java.time.Instant at) {
        return chains.problem(chain, at);
    }

    /** Signs with the root key (relay statements of the registry). */
    public java.security.PrivateKey signingKey() {
        return root.privateKey();
    }
}
