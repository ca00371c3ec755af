package io.eventpipe.admin.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.eventpipe.admin.store.AuditLog;
import io.eventpipe.web.JsonResponses;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** GET /v1/admin/audit?adminId=&action=&since=RFC3339&limit=: the audit log, newest first. */
final class AuditHandler extends AdminHandler {

    static final int MAX_LIMIT = 1000;

    AuditHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws ApiProblem, SQLException {
        if (!"GET".equals(call.request().getMethod())) {
            throw methodNotAllowed("GET");
        }
        Fields query = Request.extractQueryParameters(call.request());
        Instant since;
        int limit;
        try {
            since = query.getValue("since") == null ? null : Instant.parse(query.getValue("since"));
            limit = query.getValue("limit") == null ? 100 : Integer.parseInt(query.getValue("limit"));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ApiProblem(400, JsonResponses.error("bad_query", "since is an RFC 3339 instant, limit a number"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(400, JsonResponses.error("bad_query", "limit is 1.." + MAX_LIMIT));
        }
        ArrayNode entries = JsonResponses.JSON.createArrayNode();
        for (AuditLog.Entry entry : routes.audit().find(query.getValue("adminId"), query.getValue("action"), since, limit)) {
            var node = entries.addObject().put("id", entry.id()).put("at", entry.at().toString()).put("adminId", entry.adminId())
                    .put("action", entry.action()).put("target", entry.target()).put("outcome", entry.outcome())
                    .put("source", entry.source());
            node.set("details", entry.details());
        }
        JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode().set("entries", entries));
    }
}
