package io.eventpipe.admin.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.web.JsonResponses;
import java.util.List;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * /v1/admin/admins: GET lists the admins, POST {adminId, name, publicKey} adds one (its admin
 * certificate in the answer); /v1/admin/admins/{id}/revoke {reason}: POST.
 */
final class AdminsHandler extends CollectionHandler {

    static final String PREFIX = "/v1/admin/admins";

    AdminsHandler(Routes routes) {
        super(routes, PREFIX);
    }

    @Override
    ObjectNode list() throws Exception {
        return (ObjectNode) JsonResponses.JSON.createObjectNode().set("admins", routes.admins().list());
    }

    @Override
    void create(Call call, Response response, Callback callback) throws Exception {
        var added = routes.admins().add(call.body(), call.admin().adminId());
        audit(call, "admin.add", added.get("adminId").asText(), added.deepCopy().without(List.of("certificate", "root")));
        JsonResponses.send(response, callback, 201, added);
    }

    @Override
    void member(Call call, String[] path, Response response, Callback callback) throws Exception {
        if (path.length != 2 || !"revoke".equals(path[1])) {
            throw notFound();
        }
        if (!"POST".equals(call.request().getMethod())) {
            throw methodNotAllowed("POST");
        }
        var revoked = routes.admins().revoke(path[0], call.admin().adminId(),
                call.body() == null ? null : call.body().path("reason").asText(null));
        audit(call, "admin.revoke", path[0], revoked);
        JsonResponses.send(response, callback, 200, revoked);
    }
}
