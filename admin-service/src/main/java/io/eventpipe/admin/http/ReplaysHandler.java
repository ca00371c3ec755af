package io.eventpipe.admin.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Analysts' replays. /v1/admin/replays: GET the recent jobs; POST {topic, target, from, to |
 * offsets, dryRun} the plan (dryRun, the default) or the job started. /v1/admin/replays/{id}: GET
 * its progress; /v1/admin/replays/{id}/cancel: POST.
 */
final class ReplaysHandler extends CollectionHandler {

    static final String PREFIX = "/v1/admin/replays";

    ReplaysHandler(Routes routes) {
        super(routes, PREFIX);
    }

    @Override
    ObjectNode list() throws Exception {
        return (ObjectNode) JsonResponses.JSON.createObjectNode().set("replays", routes.replays().jobs());
    }

    @Override
    void create(Call call, Response response, Callback callback) throws Exception {
        var answer = routes.replays().replay(call.body(), call.admin().adminId());
        if (answer.has("jobId")) {
            audit(call, "replay.start", answer.get("jobId").asText(), answer);
        }
        JsonResponses.send(response, callback, answer.has("jobId") ? 202 : 200, answer);
    }

    @Override
    void member(Call call, String[] path, Response response, Callback callback) throws Exception {
        String method = call.request().getMethod();
        if (path.length == 1 && "GET".equals(method)) {
            JsonResponses.send(response, callback, 200, routes.replays().job(path[0]));
        } else if (path.length == 2 && "cancel".equals(path[1]) && "POST".equals(method)) {
            var cancelled = routes.replays().cancel(path[0]);
            audit(call, "replay.cancel", path[0], null);
            JsonResponses.send(response, callback, 200, cancelled);
        } else {
            throw notFound();
        }
    }
}
