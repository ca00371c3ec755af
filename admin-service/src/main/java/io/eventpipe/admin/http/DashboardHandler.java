package io.eventpipe.admin.http;

import io.eventpipe.admin.dashboard.FeedFilter;
import io.eventpipe.admin.dashboard.FeedItem;
import io.eventpipe.admin.dashboard.LiveFeed;
import io.eventpipe.admin.dashboard.Subscription;
import io.eventpipe.web.JsonResponses;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The admin app's live dashboard. GET /v1/admin/dashboard/stream: Server-Sent Events, each
 * matching line as {@code event: item} and the summary every {@link #SUMMARY_EVERY} as
 * {@code event: summary}; the filter is the query (kind, relayId, deviceId, status, reason,
 * eventId, q) and backlog the lines replayed first. GET /v1/admin/dashboard/summary and
 * /v1/admin/dashboard/events?...&limit=: the same as plain JSON. A stream holds a thread: at most
 * {@value #MAX_STREAMS} at once (503 beyond), each at most {@link #MAX_STREAM_LIFE} (the app reconnects).
 */
final class DashboardHandler extends AdminHandler {

    static final String PREFIX = "/v1/admin/dashboard/";
    static final int MAX_STREAMS = 16;
    static final int MAX_BACKLOG = 500;
    static final Duration SUMMARY_EVERY = Duration.ofSeconds(5);
    static final Duration MAX_STREAM_LIFE = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofMillis(500);

    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    DashboardHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws Exception {
        if (!"GET".equals(call.request().getMethod())) {
            throw methodNotAllowed("GET");
        }
        Map<String, String> query = new HashMap<>();
        Request.extractQueryParameters(call.request()).forEach(field -> query.put(field.getName(), field.getValue()));
        FeedFilter filter = FeedFilter.fromQuery(query);
        switch (io.eventpipe.web.RoutePaths.after(call.request().getHttpURI().getPath(), PREFIX)) {
            case "summary" -> JsonResponses.send(response, callback, 200, routes.feed().summary());
            case "events" -> JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode()
                    .set("events", routes.feed().recent(filter, number(query, "limit", 100, LiveFeed.RECENT))));
            case "stream" -> stream(filter, number(query, "backlog", 50, MAX_BACKLOG), response, callback);
            default -> throw new ApiProblem(404, JsonResponses.error("not_found", "no such resource"));
        }
    }

    private void stream(FeedFilter filter, int backlog, Response response, Callback callback) throws ApiProblem {
        if (!streams.tryAcquire()) {
            throw new ApiProblem(503, JsonResponses.error("too_many_streams", MAX_STREAMS + " dashboard streams are open on this "
                    + "instance; close one or use /v1/admin/dashboard/events").put("retryAfterSeconds", RETRY_AFTER_SECONDS));
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        LiveFeed feed = routes.feed();
        Instant end = Instant.now().plus(MAX_STREAM_LIFE);
        try (Subscription subscription = feed.subscribe(filter, backlog); OutputStream out = Content.Sink.asOutputStream(response)) {
            write(out, "summary", null, feed.summary().toString());
            Instant nextSummary = Instant.now().plus(SUMMARY_EVERY);
            while (!feed.closed() && Instant.now().isBefore(end) && !subscription.overflowed()) {
                FeedItem item = subscription.next(WAIT);
                if (item != null) {
                    write(out, "item", item.sequence(), item.json().toString());
                }
                if (Instant.now().isAfter(nextSummary)) {
                    write(out, "summary", null, feed.summary().toString());
                    nextSummary = Instant.now().plus(SUMMARY_EVERY);
                }
            }
            write(out, subscription.overflowed() ? "overflow" : "end", null, "{\"reconnect\":true}");
            callback.succeeded();
        } catch (IOException e) {
            callback.failed(e); // the viewer went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } finally {
            streams.release();
        }
    }

    private static void write(OutputStream out, String event, Long id, String data) throws IOException {
        StringBuilder frame = new StringBuilder("event: ").append(event).append('\n');
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("data: ").append(data).append("\n\n");
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static int number(Map<String, String> query, String name, int fallback, int max) throws ApiProblem {
        String text = query.get(name);
        try {
            int value = text == null ? fallback : Integer.parseInt(text);
            if (value < 0 || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, JsonResponses.error("bad_query", name + " is 0.." + max));
        }
    }
}
