package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.schemas.labels.LabelConfigJson;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** GET /v1/label-configs: the label configurations admins published (config.labels), for capture forms. */
final class LabelConfigsHandler extends Handler.Abstract.NonBlocking {

    private final Supplier<Map<String, LabelConfig>> configs;

    LabelConfigsHandler(Supplier<Map<String, LabelConfig>> configs) {
        this.configs = configs;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        ObjectNode answer = JsonResponses.JSON.createObjectNode();
        ArrayNode list = answer.putArray("labelConfigs");
        configs.get().values().stream().sorted(Comparator.comparing(LabelConfig::getId)).forEach(c -> list.add(LabelConfigJson.render(c)));
        JsonResponses.send(response, callback, 200, answer);
        return true;
    }
}
