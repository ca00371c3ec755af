package io.eventpipe.admin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.admin.auth.AdminPrincipal;
import io.eventpipe.admin.auth.Denied;
import io.eventpipe.admin.kafka.ControlPlanePublisher;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.web.Bodies;
import io.eventpipe.web.JettySignedRequest;
import io.eventpipe.web.JsonResponses;
import java.io.IOException;
import java.sql.SQLException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin API route: the body is read within its limit and must be JSON, the admin is
 * authenticated before anything else happens (refusals of changes are audited too), then the
 * route serves. Database or Kafka trouble is a 503 with Retry-After, never a 500.
 */
abstract class AdminHandler extends Handler.Abstract {

    static final int MAX_BODY_BYTES = 256 * 1024;
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);

    protected final Routes routes;

    AdminHandler(Routes routes) {
        this.routes = routes;
    }

    /** What an authenticated request gets to see. */
    record Call(AdminPrincipal admin, Request request, JsonNode body, String source) {
    }

    /** Serves the call; checked failures of dependencies (database, Kafka) become 503s. */
    abstract void serve(Call call, Response response, Callback callback) throws Exception;

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        boolean change = !"GET".equals(request.getMethod());
        byte[] body = null;
        if (change && (request.getLength() > 0 || request.getHeaders().contains("transfer-encoding"))) {
            if (!Bodies.isJson(request)) {
                JsonResponses.error(response, callback, 415, "unsupported_media_type", "send application/json");
                return true;
            }
            body = Bodies.readAtMost(request, MAX_BODY_BYTES);
            if (body == null) {
                JsonResponses.error(response, callback, 413, "too_large", "a request body is at most " + MAX_BODY_BYTES + " bytes");
                return true;
            }
        }
        String source = Request.getRemoteAddr(request);
        try {
            AdminPrincipal admin = routes.authenticator().authenticate(new JettySignedRequest(request),
                    body == null ? null : Sha256.digest(body));
            JsonNode json = body == null ? null : parse(body);
            serve(new Call(admin, request, json, source), response, callback);
        } catch (Denied denied) {
            if (change) {
                auditQuietly("-", request.getMethod() + " " + request.getHttpURI().getPath(), "denied: " + denied.code(), source);
            }
            JsonResponses.problem(response, callback, denied);
        } catch (ApiProblem problem) {
            JsonResponses.send(response, callback, problem.status(), problem.body());
        } catch (SQLException | ControlPlanePublisher.PublishFailed | IllegalStateException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            if (isDataException(e)) {
                // PostgreSQL refused a value of the request (SQLSTATE class 22): the client's input, not an outage
                JsonResponses.error(response, callback, 400, "invalid_value",
                        "a value of the request cannot be stored (text with NUL characters, or out of range)");
                return true;
            }
            LOG.warn("{} {} not served: {}", request.getMethod(), request.getHttpURI().getPath(), e.toString());
            JsonResponses.retryLater(response, callback, 503, "unavailable", "a dependency of the admin service is unavailable; retry",
                    RETRY_AFTER_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JsonResponses.retryLater(response, callback, 503, "unavailable", "the admin service is stopping", RETRY_AFTER_SECONDS);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure of " + request.getHttpURI().getPath(), e);
        }
        return true;
    }

    private static boolean isDataException(Exception e) {
        return e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }

    private static JsonNode parse(byte[] body) throws ApiProblem {
        try {
            return JsonResponses.JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiProblem(400, JsonResponses.error("malformed_json", "the body is not valid JSON"));
        }
    }

    /** Records a successful change. */
    void audit(Call call, String action, String target, ObjectNode details) throws SQLException {
        routes.audit().record(call.admin().adminId(), action, target, "ok", details, call.source());
    }

    private void auditQuietly(String adminId, String action, String outcome, String source) {
        try {
            routes.audit().record(adminId, action, null, outcome, null, source);
        } catch (SQLException e) {
            LOG.warn("refusal of {} not audited: {}", action, e.getMessage());
        }
    }

    static ApiProblem methodNotAllowed(String allowed) {
        return new ApiProblem(405, JsonResponses.error("method_not_allowed", "use " + allowed));
    }
}
