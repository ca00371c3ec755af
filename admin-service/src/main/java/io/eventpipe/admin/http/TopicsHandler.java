package io.eventpipe.admin.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * GET /v1/admin/topics: the catalogue's topics, partitions, records and consumer-group lag.
 * POST /v1/admin/topics/{name}/partitions {"partitions": N, "dryRun": true|false}: the plan, with
 * the warning about key ordering; executed (and audited) unless dryRun; decreasing is refused.
 */
final class TopicsHandler extends AdminHandler {

    static final String PREFIX = "/v1/admin/topics";

    TopicsHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws Exception {
        String rest = call.request().getHttpURI().getPath().substring(PREFIX.length());
        if (rest.isEmpty()) {
            if (!"GET".equals(call.request().getMethod())) {
                throw methodNotAllowed("GET");
            }
            JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().set("topics", routes.topics().topics()));
            return;
        }
        String[] path = rest.substring(1).split("/", -1);
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
}
