package io.eventpipe.admin.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** GET /v1/admin/me: who the request authenticates as, and how. */
final class MeHandler extends AdminHandler {

    MeHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws ApiProblem {
        if (!"GET".equals(call.request().getMethod())) {
            throw methodNotAllowed("GET");
        }
        JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().put("adminId", call.admin().adminId())
                .put("via", call.admin().via()));
    }
}
