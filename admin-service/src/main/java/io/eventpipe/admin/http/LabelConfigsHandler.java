package io.eventpipe.admin.http;

import io.eventpipe.admin.kafka.ControlPlanePublisher;
import io.eventpipe.web.JsonResponses;
import java.sql.SQLException;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** /v1/admin/label-configs: GET lists them with their history, POST creates one (version 1). */
final class LabelConfigsHandler extends AdminHandler {

    LabelConfigsHandler(Routes routes) {
        super(routes);
    }

    @Override
    void serve(Call call, Response response, Callback callback) throws ApiProblem, SQLException, ControlPlanePublisher.PublishFailed {
        switch (call.request().getMethod()) {
            case "GET" -> JsonResponses.send(response, callback, 200,
                    JsonResponses.JSON.createObjectNode().set("labelConfigs", routes.labels().list()));
            case "POST" -> {
                var created = routes.labels().create(call.admin(), call.body());
                audit(call, "label-config.create", created.get("id").asText(), created);
                JsonResponses.send(response, callback, 201, created);
            }
            default -> throw methodNotAllowed("GET, POST");
        }
    }
}
