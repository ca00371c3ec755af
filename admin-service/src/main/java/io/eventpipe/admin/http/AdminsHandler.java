package io.eventpipe.admin.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * /v1/admin/admins: GET lists the admins, POST {adminId, name, publicKey} adds one (its admin
 * certificate in the answer); /v1/admin/admins/{id}/revoke {reason}: POST.
 */
final class AdminsHandler extends AdminHandler {

    static final String PREFIX = "/v1/admin/admins";

    AdminsHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws Exception {
        String rest = call.request().getHttpURI().getPath().substring(PREFIX.length());
        String method = call.request().getMethod();
        if (rest.isEmpty()) {
            if ("GET".equals(method)) {
                JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().set("admins", routes.admins().list()));
            } else if ("POST".equals(method)) {
                var added = routes.admins().add(call.body(), call.admin().adminId());
                audit(call, "admin.add", added.get("adminId").asText(), added.deepCopy().without(java.util.List.of("certificate", "root")));
                JsonResponses.send(response, callback, 201, added);
            } else {
                throw methodNotAllowed("GET, POST");
            }
            return;
        }
        String[] path = rest.substring(1).split("/", -1);
        if (path.length != 2 || !"revoke".equals(path[1])) {
            throw new ApiProblem(404, JsonResponses.error("not_found", "no such resource"));
        }
        if (!"POST".equals(method)) {
            throw methodNotAllowed("POST");
        }
        var revoked = routes.admins().revoke(path[0], call.admin().adminId(),
                call.body() == null ? null : call.body().path("reason").asText(null));
        audit(call, "admin.revoke", path[0], revoked);
        JsonResponses.send(response, callback, 200, revoked);
    }
}
