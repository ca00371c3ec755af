package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.EventResult;
import io.eventpipe.relay.kafka.ResultFields;
import java.util.Map;

/** The JSON answers about an event (CONTRACT 2.5): after a submission, and for a status query. */
final class EventAnswers {

    private EventAnswers() {
    }

    static String statusUrl(String eventId) {
        return "/v1/events/" + eventId;
    }

    /** The processors' verdict on a submission. */
    static ObjectNode submitted(EventResult result) {
        ObjectNode answer = JsonResponses.JSON.createObjectNode()
                .put("eventId", result.getEventId())
                .put("status", result.getStatus().name())
                .put("eventHash", result.getEventHash());
        answer.set("reasons", ResultFields.reasons(result));
        return answer.put("statusUrl", statusUrl(result.getEventId()));
    }

    /** A submission answered from the event's record: a re-send, or no verdict yet. */
    static ObjectNode submitted(String eventId, Map<String, String> record) {
        String status = record.get("status");
        ObjectNode answer = JsonResponses.JSON.createObjectNode()
                .put("eventId", eventId)
                .put("status", "ACCEPTED".equals(status) || "REJECTED".equals(status) || "PENDING".equals(status) ? status : "ACCEPTED")
                .put("eventHash", record.get("eventHash"));
        answer.set("reasons", reasons(record));
        return answer.put("statusUrl", statusUrl(eventId));
    }

    /** GET /v1/events/{id}: where the event is now. */
    static ObjectNode status(String eventId, Map<String, String> record) {
        // a claim not yet confirmed by the broker is, to the device, an event waiting to be processed
        String status = "RECEIVED".equals(record.get("status")) ? "PENDING" : record.get("status");
        ObjectNode answer = JsonResponses.JSON.createObjectNode()
                .put("eventId", eventId)
                .put("status", status)
                .put("eventHash", record.get("eventHash"));
        if (record.containsKey("bucket")) {
            answer.putObject("storage").put("bucket", record.get("bucket")).put("key", record.get("key"));
        } else {
            answer.putNull("storage");
        }
        answer.set("receipt", record.containsKey("receipt") ? parse(record.get("receipt")) : null);
        answer.set("reasons", reasons(record));
        return answer;
    }

    private static JsonNode reasons(Map<String, String> record) {
        return record.containsKey("reasons") ? parse(record.get("reasons")) : JsonResponses.JSON.createArrayNode();
    }

    private static JsonNode parse(String json) {
        try {
            return JsonResponses.JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JsonResponses.JSON.getNodeFactory().textNode(json);
        }
    }
}
