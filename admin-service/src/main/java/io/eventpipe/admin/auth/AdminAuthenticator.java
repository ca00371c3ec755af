package io.eventpipe.admin.auth;

import io.eventpipe.admin.pki.RootOfTrust;
import io.eventpipe.admin.store.AdminStore;
import io.eventpipe.admin.store.Jdbc;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.httpsig.ContentDigest;
import io.eventpipe.common.httpsig.HttpSignatures;
import io.eventpipe.common.httpsig.SignatureProblem;
import io.eventpipe.common.httpsig.SignedRequest;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.pki.SubjectName;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is asking: an admin proves it with an RFC 9421 signature by the key of their admin
 * certificate (keyid = adminId; the CLI does this) or with a session token from a signed login
 * (the browser app). Certificates must chain to the root, be valid now, be ADMIN certificates of
 * that admin, and the admin not revoked; signatures are single use.
 */
public final class AdminAuthenticator {

    private final AdminStore admins;
    private final RootOfTrust root;
    private final SessionTokens sessions;
    private final Jdbc jdbc;
    private final Clock clock;

    public AdminAuthenticator(AdminStore admins, RootOfTrust root, SessionTokens sessions, Jdbc jdbc, Clock clock) {
        this.admins = admins;
        this.root = root;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** bodySha256: the digest of the request body, null when there is none. */
    public AdminPrincipal authenticate(SignedRequest request, byte[] bodySha256) throws Denied, SQLException {
        List<String> authorization = request.headerValues("authorization");
        if (!authorization.isEmpty() && authorization.get(0).startsWith("Bearer ")) {
            String adminId = sessions.verify(authorization.get(0).substring("Bearer ".length()).trim());
            activeAdmin(adminId);
            return new AdminPrincipal(adminId, "session");
        }
        if (request.headerValues(HttpSignatures.SIGNATURE_INPUT).isEmpty()) {
            throw new Denied(401, "unauthenticated", "sign the request with your admin key (RFC 9421) or send a session token");
        }
        return verifySignature(request, bodySha256);
    }

    private AdminPrincipal verifySignature(SignedRequest request, byte[] bodySha256) throws Denied, SQLException {
        Instant now = clock.instant();
        List<String> required = bodySha256 == null ? HttpSignatures.CONTRACT_COMPONENTS : HttpSignatures.CONTRACT_COMPONENTS_WITH_BODY;
        KeyLookup lookup = new KeyLookup(now);
        HttpSignatures.Verified verified;
        try {
            verified = HttpSignatures.verify(request, lookup::key, new HttpSignatures.Policy(required, HttpSignatures.CONTRACT_MAX_SKEW),
                    now);
        } catch (SignatureProblem e) {
            if (lookup.denied != null) {
                throw lookup.denied;
            }
            throw new Denied("malformed_signature".equals(e.code()) ? 400 : 401, e.code(), e.getMessage());
        }
        if (bodySha256 != null && !ContentDigest.matches(String.join(", ", request.headerValues(ContentDigest.HEADER)), bodySha256)) {
            throw new Denied(401, "digest_mismatch", "the body does not match its Content-Digest");
        }
        String hash = Hex.encode(Sha256.digest(verified.signature()));
        int fresh = jdbc.update("INSERT INTO used_signature (signature_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING", hash,
                verified.created().plus(HttpSignatures.CONTRACT_MAX_SKEW.multipliedBy(2)));
        if (fresh == 0) {
            throw new Denied(409, "replayed_signature", "this signature was already used; sign each request anew");
        }
        return new AdminPrincipal(verified.keyId(), "signature");
    }

    /** The admin's active record, or why not. */
    public AdminStore.Admin activeAdmin(String adminId) throws Denied, SQLException {
        Optional<AdminStore.Admin> admin = admins.find(adminId);
        if (admin.isEmpty()) {
            throw new Denied(401, "unknown_admin", "no admin " + adminId);
        }
        if (!admin.get().active()) {
            throw new Denied(403, "revoked_admin", "admin " + adminId + " was revoked");
        }
        return admin.get();
    }

    /** The public key of an admin's certificate, when it is a valid admin certificate of that admin now. */
    public PublicKey verifiedKey(AdminStore.Admin admin, Instant now) throws Denied {
        X509Certificate certificate = Pem.certificate(admin.certificatePem());
        String problem = root.chainProblem(List.of(certificate), now);
        if (problem != null) {
            throw new Denied(401, problem.contains("expired") ? "certificate_expired" : "untrusted_certificate", problem);
        }
        boolean adminCertificate = SubjectName.of(certificate).filter(name -> name.commonName().equals(admin.adminId())
                && name.role().equals(Optional.of(CertificateRole.ADMIN))).isPresent();
        if (!adminCertificate) {
            throw new Denied(403, "not_an_admin", "the certificate is not an admin certificate of " + admin.adminId());
        }
        return certificate.getPublicKey();
    }

    /** Resolves key ids during verification and remembers why one could not be, for a precise answer. */
    private final class KeyLookup {
        private final Instant now;
        private Denied denied;

        KeyLookup(Instant now) {
            this.now = now;
        }

        PublicKey key(String adminId) {
            try {
                return verifiedKey(activeAdmin(adminId), now);
            } catch (Denied e) {
                denied = e;
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("the admin database is unavailable", e);
            }
        }
    }
}
