package io.eventpipe.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.admin.auth.Denied;
import io.eventpipe.admin.store.AdminStore;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.web.Bodies;
import io.eventpipe.web.JsonResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The browser app's login (seed 004): POST /v1/admin/login/challenge {adminId} gives a challenge;
 * POST /v1/admin/login {adminId, challenge, signature} with the Ed25519 signature of the
 * challenge by the admin key gives a short-lived session token. Every attempt is audited.
 */
final class LoginHandler extends Handler.Abstract {

    static final int MAX_BODY_BYTES = 4096;

    private final Routes routes;
    private final boolean challengeStep;

    LoginHandler(Routes routes, boolean challengeStep) {
        this.routes = routes;
        this.challengeStep = challengeStep;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!JsonResponses.methodIs("POST", request, response, callback)) {
            return true;
        }
        JsonNode json = Bodies.readJson(request, MAX_BODY_BYTES);
        String adminId = json == null ? "" : json.path("adminId").asText("");
        if (adminId.isEmpty() || adminId.length() > 100) {
            JsonResponses.error(response, callback, 400, "bad_request", "send JSON with an adminId (at most " + MAX_BODY_BYTES + " bytes)");
            return true;
        }
        try {
            if (challengeStep) {
                var challenge = routes.challenges().issue(adminId);
                JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().put("challenge", challenge.value())
                        .put("expiresAt", challenge.expiresAt().toString()));
            } else {
                login(adminId, json, Request.getRemoteAddr(request), response, callback);
            }
        } catch (SQLException e) {
            JsonResponses.retryLater(response, callback, 503, "unavailable", "the admin database is unavailable", 5);
        }
        return true;
    }

    private void login(String adminId, JsonNode json, String source, Response response, Callback callback) throws SQLException {
        try {
            AdminStore.Admin admin = routes.authenticator().activeAdmin(adminId);
            String challenge = json.path("challenge").asText("");
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(json.path("signature").asText(""));
            } catch (IllegalArgumentException e) {
                throw new Denied(400, "bad_request", "signature is base64");
            }
            var key = routes.authenticator().verifiedKey(admin, routes.clock().instant());
            if (!Ed25519.verify(key, challenge.getBytes(StandardCharsets.UTF_8), signature)) {
                throw new Denied(401, "bad_signature", "the signature of the challenge does not verify");
            }
            if (!routes.challenges().consume(adminId, challenge)) {
                throw new Denied(401, "unknown_challenge", "the challenge is unknown, expired or already used; ask for a new one");
            }
            var issued = routes.sessions().issue(adminId);
            routes.audit().record(adminId, "login", adminId, "ok", null, source);
            JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().put("token", issued.token())
                    .put("expiresAt", issued.expiresAt().toString()).put("adminId", adminId));
        } catch (Denied denied) {
            routes.audit().record(adminId, "login", adminId, "denied: " + denied.code(), null, source);
            JsonResponses.problem(response, callback, denied);
        }
    }
}
