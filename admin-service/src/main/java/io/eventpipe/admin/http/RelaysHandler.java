package io.eventpipe.admin.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * /v1/admin/relays: GET lists them, POST {relayId, name, endpoint | launch} provisions one and answers its
 * one-time enrollment token (text, URL and QR code PNG). /v1/admin/relays/{id}: GET;
 * /v1/admin/relays/{id}/approve, /revoke {reason}, /rotate, and with a provisioner /start, /stop: POST.
 */
final class RelaysHandler extends AdminHandler {

    static final String PREFIX = "/v1/admin/relays";

    RelaysHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws Exception {
        String rest = call.request().getHttpURI().getPath().substring(PREFIX.length());
        String method = call.request().getMethod();
        if (rest.isEmpty()) {
            if ("GET".equals(method)) {
                JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().set("relays", routes.relays().list()));
            } else if ("POST".equals(method)) {
                var provisioned = routes.relays().provision(call.body());
                audit(call, "relay.provision", provisioned.get("relayId").asText(), provisioned.deepCopy().without("enrollment"));
                JsonResponses.send(response, callback, 201, provisioned);
            } else {
                throw methodNotAllowed("GET, POST");
            }
            return;
        }
        String[] path = rest.substring(1).split("/", -1);
        if (path.length == 1 && "GET".equals(method)) {
            JsonResponses.send(response, callback, 200, routes.relays().view(path[0]));
            return;
        }
        if (path.length != 2 || !"POST".equals(method)) {
            throw new ApiProblem(404, JsonResponses.error("not_found", "no such resource"));
        }
        var answer = switch (path[1]) {
            case "approve" -> routes.relays().approve(path[0]);
            case "revoke" -> routes.relays().revoke(path[0], call.body() == null ? null : call.body().path("reason").asText(null));
            case "rotate" -> routes.relays().rotate(path[0]);
            case "start" -> routes.relays().start(path[0]);
            case "stop" -> routes.relays().stop(path[0]);
            default -> throw new ApiProblem(404, JsonResponses.error("not_found", "no such action"));
        };
        audit(call, "relay." + path[1], path[0], answer.deepCopy().without("enrollment"));
        JsonResponses.send(response, callback, 200, answer);
    }
}
