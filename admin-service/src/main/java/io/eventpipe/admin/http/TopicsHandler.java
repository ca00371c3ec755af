package io.eventpipe.admin.http;

import io.eventpipe.admin.analyst.TopicExport;
import io.eventpipe.admin.analyst.Window;
import io.eventpipe.web.JsonResponses;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * GET /v1/admin/topics: the catalogue's topics, partitions, records and consumer-group lag.
 * POST /v1/admin/topics/{name}/partitions {"partitions": N, "dryRun": true|false}: the plan, with
 * the warning about key ordering; executed (and audited) unless dryRun; decreasing is refused.
 * GET /v1/admin/topics/{name}/export: a window of any topic as JSON Lines, Avro decoded (audited).
 */
final class TopicsHandler extends AdminHandler {

    static final String PREFIX = "/v1/admin/topics";

    TopicsHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws Exception {
        String rest = io.eventpipe.web.RoutePaths.after(call.request().getHttpURI().getPath(), PREFIX);
        if (rest.isEmpty()) {
            if (!"GET".equals(call.request().getMethod())) {
                throw methodNotAllowed("GET");
            }
            JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().set("topics", routes.topics().topics()));
            return;
        }
        String[] path = rest.substring(1).split("/", -1);
        if (path.length == 2 && "export".equals(path[1])) {
            export(call, path[0], response, callback);
            return;
        }
        if (path.length != 2 || !"partitions".equals(path[1])) {
            throw new ApiProblem(404, JsonResponses.error("not_found", "no such resource"));
        }
        if (!"POST".equals(call.request().getMethod())) {
            throw methodNotAllowed("POST");
        }
        if (call.body() == null || !call.body().path("partitions").canConvertToInt()) {
            throw new ApiProblem(422, JsonResponses.error("invalid_request", "send {\"partitions\": N, \"dryRun\": true|false}"));
        }
        boolean dryRun = call.body().path("dryRun").asBoolean(true);
        var plan = routes.topics().increasePartitions(path[0], call.body().get("partitions").asInt(), dryRun);
        if (!dryRun) {
            audit(call, "topic.partitions", path[0], plan);
        }
        JsonResponses.send(response, callback, 200, plan);
    }

    /** GET /v1/admin/topics/{name}/export?from=&to= | partition=&fromOffset=&toOffset=, &limit=: JSON Lines, streamed. */
    private void export(Call call, String topic, Response response, Callback callback) throws Exception {
        if (!"GET".equals(call.request().getMethod())) {
            throw methodNotAllowed("GET");
        }
        Fields query = Request.extractQueryParameters(call.request());
        Map<String, String> params = new HashMap<>();
        query.forEach(field -> params.put(field.getName(), field.getValue()));
        long limit;
        try {
            limit = params.containsKey("limit") ? Long.parseLong(params.get("limit")) : TopicExport.DEFAULT_RECORDS;
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > TopicExport.MAX_RECORDS) {
            throw new ApiProblem(400, JsonResponses.error("bad_query", "limit is 1.." + TopicExport.MAX_RECORDS));
        }
        var plan = routes.replays().ranges().plan(topic, Window.fromQuery(params));
        audit(call, "topic.export", topic, JsonResponses.JSON.createObjectNode().put("query", call.request().getHttpURI().getQuery()));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-ndjson");
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            routes.export().write(topic, plan, limit, out);
        } catch (java.io.UncheckedIOException e) {
            callback.failed(e.getCause());
            return;
        }
        callback.succeeded();
    }
}
