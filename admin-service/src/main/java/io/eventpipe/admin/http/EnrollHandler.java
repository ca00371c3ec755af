package io.eventpipe.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.web.Bodies;
import io.eventpipe.web.JsonResponses;
import java.io.IOException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /v1/relays/enroll {relayId, token, publicKey, signature}: no admin involved; the one-time
 * token is the authority, the signature of the token proves the relay holds its key. Audited.
 */
final class EnrollHandler extends Handler.Abstract {

    static final int MAX_BODY_BYTES = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(EnrollHandler.class);

    private final Routes routes;

    EnrollHandler(Routes routes) {
        this.routes = routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!JsonResponses.methodIs("POST", request, response, callback)) {
            return true;
        }
        JsonNode json = Bodies.readJson(request, MAX_BODY_BYTES);
        if (json == null || !json.path("relayId").isTextual()) {
            JsonResponses.error(response, callback, 400, "bad_request", "send JSON {relayId, token, publicKey, signature}");
            return true;
        }
        String relayId = json.get("relayId").asText();
        String source = Request.getRemoteAddr(request);
        try {
            var enrolled = routes.relays().enroll(json);
            routes.audit().record("relay:" + relayId, "relay.enroll", relayId, "ok", null, source);
            JsonResponses.send(response, callback, 200, enrolled);
        } catch (ApiProblem problem) {
            auditQuietly(relayId, "denied: " + problem.body().path("error").asText(), source);
            JsonResponses.send(response, callback, problem.status(), problem.body());
        } catch (Exception e) {
            LOG.warn("enrollment of {} not served: {}", relayId, e.toString());
            JsonResponses.retryLater(response, callback, 503, "unavailable", "a dependency of the admin service is unavailable", 5);
        }
        return true;
    }

    private void auditQuietly(String relayId, String outcome, String source) {
        try {
            routes.audit().record("relay:" + relayId, "relay.enroll", relayId, outcome, null, source);
        } catch (java.sql.SQLException e) {
            LOG.warn("refused enrollment of {} not audited: {}", relayId, e.getMessage());
        }
    }
}
