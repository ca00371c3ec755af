package io.eventpipe.admin.admins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.admin.pki.RootOfTrust;
import io.eventpipe.admin.store.AdminStore;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.schemas.labels.LabelConfigCheck;
import io.eventpipe.web.JsonResponses;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Admin accounts: an admin adds another by its public key (the new admin made the key and keeps
 * it; the service issues the admin certificate), lists them, revokes one. Revocation is checked
 * on every request, session tokens included; nobody can revoke the last active admin.
 */
public final class AdminAccounts {

    private final AdminStore store;
    private final RootOfTrust root;
    private final Duration validity;
    private final Clock clock;

    public AdminAccounts(AdminStore store, RootOfTrust root, Duration validity, Clock clock) {
        this.store = store;
        this.root = root;
        this.validity = validity;
        this.clock = clock;
    }

    /** POST /v1/admin/admins {adminId, name, publicKey}: the new admin's certificate and the root. */
    public ObjectNode add(JsonNode request, String createdBy) throws ApiProblem, SQLException {
        String adminId = request == null ? null : request.path("adminId").asText(null);
        String name = request == null ? "" : request.path("name").asText("");
        if (!LabelConfigCheck.isValidId(adminId) || name.isBlank() || name.length() > 200) {
            throw problem(422, "invalid_admin", "adminId is 2 to 64 of a-z, 0-9 and -; name is non-empty");
        }
        PublicKey key;
        try {
            key = Ed25519.publicKey(Base64.getDecoder().decode(request.path("publicKey").asText("")));
        } catch (IllegalArgumentException e) {
            throw problem(422, "invalid_admin", "publicKey is the base64 of a 32-byte Ed25519 public key; the private key stays with you");
        }
        if (store.find(adminId).isPresent()) {
            throw problem(409, "admin_exists", "admin " + adminId + " exists");
        }
        X509Certificate certificate = root.issueAdmin(adminId, key, validity);
        try {
            store.add(new AdminStore.Admin(adminId, name, Pem.encode(certificate), Credentials.fingerprint(certificate), clock.instant(),
                    null), createdBy);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw problem(409, "admin_exists", "admin " + adminId + " or its key exists");
            }
            throw e;
        }
        return view(store.find(adminId).orElseThrow()).put("certificate", Pem.encode(certificate))
                .put("root", Pem.encode(root.certificate()));
    }

    public ArrayNode list() throws SQLException {
        ArrayNode list = JsonResponses.JSON.createArrayNode();
        for (AdminStore.Admin admin : store.all()) {
            list.add(view(admin));
        }
        return list;
    }

    /** POST /v1/admin/admins/{id}/revoke {reason}: refused for oneself and for the last active admin. */
    public ObjectNode revoke(String adminId, String by, String reason) throws ApiProblem, SQLException {
        AdminStore.Admin admin = store.find(adminId).orElseThrow(() -> problem(404, "not_found", "no admin " + adminId));
        if (adminId.equals(by)) {
            throw problem(409, "self_revocation", "another admin must revoke you");
        }
        if (!admin.active()) {
            throw problem(409, "already_revoked", "admin " + adminId + " was revoked at " + admin.revokedAt());
        }
        String why = reason == null || reason.isBlank() ? "revoked by an administrator" : reason;
        if (!store.revoke(adminId, by, why, clock.instant())) {
            throw problem(409, "last_admin", "admin " + adminId + " is the last active admin");
        }
        return view(store.find(adminId).orElseThrow()).put("reason", why);
    }

    private static ObjectNode view(AdminStore.Admin admin) {
        X509Certificate certificate = Pem.certificate(admin.certificatePem());
        return JsonResponses.JSON.createObjectNode().put("adminId", admin.adminId()).put("name", admin.name())
                .put("fingerprint", admin.fingerprint()).put("createdAt", admin.createdAt().toString())
                .put("expiresAt", certificate.getNotAfter().toInstant().toString()).put("active", admin.active())
                .put("revokedAt", admin.revokedAt() == null ? null : admin.revokedAt().toString());
    }

    private static ApiProblem problem(int status, String code, String message) {
        return new ApiProblem(status, JsonResponses.error(code, message));
    }
}
