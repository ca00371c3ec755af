package io.eventpipe.admin.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * POST /v1/admin/consumer-groups/{group}/reset {topic, to, dryRun}: the plan (dryRun, the
 * default) of moving the group's offsets on the topic to a time, or its execution (audited),
 * refused while the group has members.
 */
final class ConsumerGroupsHandler extends AdminHandler {

    static final String PREFIX = "/v1/admin/consumer-groups/";

    ConsumerGroupsHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws Exception {
        String[] path = io.eventpipe.web.RoutePaths.after(call.request().getHttpURI().getPath(), PREFIX).split("/", -1);
        if (path.length != 2 || !"reset".equals(path[1]) || path[0].isBlank()) {
            throw new ApiProblem(404, JsonResponses.error("not_found", "no such resource"));
        }
        if (!"POST".equals(call.request().getMethod())) {
            throw methodNotAllowed("POST");
        }
        var plan = routes.groups().reset(path[0], call.body());
        if (!plan.get("dryRun").asBoolean()) {
            audit(call, "consumer-group.reset", path[0], plan);
        }
        JsonResponses.send(response, callback, 200, plan);
    }
}
