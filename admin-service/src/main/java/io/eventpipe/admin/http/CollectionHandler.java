package io.eventpipe.admin.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A collection route and its members: {prefix} answers GET (the list) and POST (a new member);
 * {prefix}/{id}[/{action}] goes to {@link #member}, with the path split on '/'.
 */
abstract class CollectionHandler extends AdminHandler {

    private final String prefix;

    CollectionHandler(Routes routes, String prefix) {
        super(routes);
        this.prefix = prefix;
    }

    /** The collection's JSON for GET. */
    abstract com.fasterxml.jackson.databind.node.ObjectNode list() throws Exception;

    /** POST on the collection. */
    abstract void create(Call call, Response response, Callback callback) throws Exception;

    /** A request on a member: path is {id} or {id, action}, or more for a route to refuse. */
    abstract void member(Call call, String[] path, Response response, Callback callback) throws Exception;

    @Override
    final void serve(Call call, Response response, Callback callback) throws Exception {
        String rest = io.eventpipe.web.RoutePaths.after(call.request().getHttpURI().getPath(), prefix);
        String method = call.request().getMethod();
        if (!rest.isEmpty()) {
            member(call, rest.substring(1).split("/", -1), response, callback);
        } else if ("GET".equals(method)) {
            JsonResponses.send(response, callback, 200, list());
        } else if ("POST".equals(method)) {
            create(call, response, callback);
        } else {
            throw methodNotAllowed("GET, POST");
        }
    }

    static ApiProblem notFound() {
        return new ApiProblem(404, JsonResponses.error("not_found", "no such resource"));
    }
}
