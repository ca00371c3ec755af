package io.eventpipe.admin.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * /v1/admin/relays: GET lists them, POST {relayId, name, endpoint | launch} provisions one and answers its
 * one-time enrollment token (text, URL and QR code PNG). /v1/admin/relays/{id}: GET;
 * /v1/admin/relays/{id}/approve, /revoke {reason}, /rotate, and with a provisioner /start, /stop: POST.
 */
final class RelaysHandler extends CollectionHandler {

    static final String PREFIX = "/v1/admin/relays";

    RelaysHandler(Routes routes) {
        super(routes, PREFIX);
    }

    @Override
    ObjectNode list() throws Exception {
        return (ObjectNode) JsonResponses.JSON.createObjectNode().set("relays", routes.relays().list());
    }

    @Override
    void create(Call call, Response response, Callback callback) throws Exception {
        var provisioned = routes.relays().provision(call.body());
        audit(call, "relay.provision", provisioned.get("relayId").asText(), provisioned.deepCopy().without("enrollment"));
        JsonResponses.send(response, callback, 201, provisioned);
    }

    @Override
    void member(Call call, String[] path, Response response, Callback callback) throws Exception {
        String method = call.request().getMethod();
        if (path.length == 1 && "GET".equals(method)) {
            JsonResponses.send(response, callback, 200, routes.relays().view(path[0]));
            return;
        }
        if (path.length != 2 || !"POST".equals(method)) {
            throw notFound();
        }
        var answer = switch (path[1]) {
            case "approve" -> routes.relays().approve(path[0]);
            case "revoke" -> routes.relays().revoke(path[0], call.body() == null ? null : call.body().path("reason").asText(null));
            case "rotate" -> routes.relays().rotate(path[0]);
            case "start" -> routes.relays().start(path[0]);
            case "stop" -> routes.relays().stop(path[0]);
            default -> throw notFound();
        };
        audit(call, "relay." + path[1], path[0], answer.deepCopy().without("enrollment"));
        JsonResponses.send(response, callback, 200, answer);
    }
}
