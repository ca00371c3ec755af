package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** GET /health (the process answers) and GET /ready (it can take events: Kafka and replies). */
final class HealthHandler extends Handler.Abstract.NonBlocking {

    private final BooleanSupplier ready;
    private final boolean readiness;

    private HealthHandler(BooleanSupplier ready, boolean readiness) {
        this.ready = ready;
        this.readiness = readiness;
    }

    static HealthHandler liveness() {
        return new HealthHandler(() -> true, false);
    }

    static HealthHandler readiness(BooleanSupplier ready) {
        return new HealthHandler(ready, true);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        boolean up = ready.getAsBoolean();
        JsonResponses.send(response, callback, up ? 200 : 503,
                JsonResponses.JSON.createObjectNode().put("status", up ? "UP" : "DOWN").put("check", readiness ? "ready" : "live"));
        return true;
    }
}
