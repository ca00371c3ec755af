package io.eventpipe.admin.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** POST /v1/admin/devices/{deviceId}/revoke {reason}: every relay refuses the device from its next request on. */
final class DevicesHandler extends AdminHandler {

    static final String PREFIX = "/v1/admin/devices/";

    DevicesHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws Exception {
        String[] path = io.eventpipe.web.RoutePaths.after(call.request().getHttpURI().getPath(), PREFIX).split("/", -1);
        if (path.length != 2 || !"revoke".equals(path[1])) {
            throw new ApiProblem(404, JsonResponses.error("not_found", "no such resource"));
        }
        if (!"POST".equals(call.request().getMethod())) {
            throw methodNotAllowed("POST");
        }
        var revoked = routes.devices().revoke(path[0], call.admin().adminId(),
                call.body() == null ? null : call.body().path("reason").asText(null));
        audit(call, "device.revoke", path[0], revoked);
        JsonResponses.send(response, callback, 200, revoked);
    }
}
