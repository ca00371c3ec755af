package io.eventpipe.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP SLI of a service: every request timed as eventpipe_http_requests_seconds, by route,
 * method and status. Routes are the API's templates (ids replaced by {id}), the apps' files one
 * "static" route, so the number of series stays bounded whatever clients send.
 */
public final class HttpMetrics extends Handler.Wrapper {

    /** Path segments that are route names; any other segment is an id. */
    private static final Set<String> WORDS = Set.of("v1", "admin", "events", "media", "devices", "challenge", "label-configs",
            "relays", "enroll", "approve", "revoke", "rotate", "start", "stop", "deprecate", "admins", "topics", "partitions", "export",
            "replays", "cancel", "consumer-groups", "reset", "dashboard", "stream", "summary", "login", "me", "audit", "app-config");
    private static final Set<String> MANAGEMENT = Set.of("/health", "/ready", "/metrics");

    private final MeterRegistry registry;
    /** Timers by route, method and status: built once, not on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(Handler handler, MeterRegistry registry) {
        super(handler);
        this.registry = registry;
    }

    /** The route template of a path. */
    public static String route(String path) {
        if (path == null || !path.startsWith("/v1/")) {
            return path != null && MANAGEMENT.contains(path) ? path : "static";
        }
        StringBuilder route = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            route.append('/').append(WORDS.contains(segment) ? segment : "{id}");
        }
        return route.toString();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        String route = route(request.getHttpURI().getPath());
        String method = request.getMethod();
        Callback timed = new Callback() {
            @Override
            public void succeeded() {
                record(route, method, response.getStatus(), start);
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                record(route, method, 500, start);
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        boolean handled = super.handle(request, response, timed);
        if (!handled) {
            record(route, method, 404, start);
        }
        return handled;
    }

    private void record(String route, String method, int status, long start) {
        timers.computeIfAbsent(route + ' ' + method + ' ' + status, key -> Timer.builder("eventpipe.http.requests")
                .description("HTTP requests by route, method and status")
                .tags("route", route, "method", method, "status", Integer.toString(status))
                .publishPercentileHistogram().register(registry)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
