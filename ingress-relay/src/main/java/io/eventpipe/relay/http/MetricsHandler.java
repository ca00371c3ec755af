package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import io.eventpipe.relay.metrics.RelayMetrics;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** GET /metrics in the Prometheus text format. */
final class MetricsHandler extends Handler.Abstract.NonBlocking {

    private final RelayMetrics metrics;

    MetricsHandler(RelayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        Content.Sink.write(response, true, metrics.scrape(), callback);
        return true;
    }
}
