package io.eventpipe.admin.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** GET /health (the process answers), /ready (database and Kafka reachable) and /metrics (Prometheus). */
final class ManagementHandler extends Handler.Abstract {

    enum Kind { HEALTH, READY, METRICS }

    private final Routes routes;
    private final Kind kind;

    ManagementHandler(Routes routes, Kind kind) {
        this.routes = routes;
        this.kind = kind;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        switch (kind) {
            case HEALTH -> JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().put("status", "UP"));
            case READY -> {
                String problem = routes.notReadyBecause().get();
                var body = JsonResponses.JSON.createObjectNode().put("status", problem == null ? "READY" : "NOT_READY");
                if (problem != null) {
                    body.put("reason", problem);
                }
                JsonResponses.send(response, callback, problem == null ? 200 : 503, body);
            }
            default -> {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                Content.Sink.write(response, true, routes.metrics().scrape(), callback);
            }
        }
        return true;
    }
}
