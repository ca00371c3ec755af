package io.eventpipe.admin.http;

import io.eventpipe.admin.kafka.ControlPlanePublisher;
import io.eventpipe.web.JsonResponses;
import java.sql.SQLException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * /v1/admin/label-configs/{id}: GET it, PUT a new version, DELETE it (a tombstone);
 * /v1/admin/label-configs/{id}/deprecate with {"version": N}: that version is no longer accepted.
 */
final class LabelConfigHandler extends AdminHandler {

    static final String PREFIX = "/v1/admin/label-configs/";

    LabelConfigHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws ApiProblem, SQLException, ControlPlanePublisher.PublishFailed {
        String[] path = io.eventpipe.web.RoutePaths.after(call.request().getHttpURI().getPath(), PREFIX).split("/", -1);
        String id = path[0];
        if (path.length == 2 && "deprecate".equals(path[1])) {
            deprecate(call, id, response, callback);
            return;
        }
        if (path.length != 1 || id.isEmpty()) {
            throw new ApiProblem(404, JsonResponses.error("not_found", "no such resource"));
        }
        switch (call.request().getMethod()) {
            case "GET" -> JsonResponses.send(response, callback, 200, routes.labels().get(id));
            case "PUT" -> {
                var updated = routes.labels().addVersion(call.admin(), id, call.body());
                audit(call, "label-config.version", id, updated);
                JsonResponses.send(response, callback, 200, updated);
            }
            case "DELETE" -> {
                routes.labels().delete(id);
                audit(call, "label-config.delete", id, null);
                JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().put("id", id).put("deleted", true));
            }
            default -> throw methodNotAllowed("GET, PUT, DELETE");
        }
    }

    private void deprecate(Call call, String id, Response response, Callback callback)
            throws ApiProblem, SQLException, ControlPlanePublisher.PublishFailed {
        if (!"POST".equals(call.request().getMethod())) {
            throw methodNotAllowed("POST");
        }
        if (call.body() == null || !call.body().path("version").canConvertToInt()) {
            throw new ApiProblem(422, JsonResponses.error("invalid_request", "send {\"version\": N}"));
        }
        int version = call.body().get("version").asInt();
        var updated = routes.labels().deprecate(id, version);
        audit(call, "label-config.deprecate", id + "@" + version, null);
        JsonResponses.send(response, callback, 200, updated);
    }
}
