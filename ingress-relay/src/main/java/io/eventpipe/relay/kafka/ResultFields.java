package io.eventpipe.relay.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.RejectionReason;
import java.util.HashMap;
import java.util.Map;

/** A processing result as the fields of an event record (see EventRecords). */
public final class ResultFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFields() {
    }

    public static Map<String, String> of(EventResult result) {
        Map<String, String> fields = new HashMap<>();
        if (result.getEventHash() != null) {
            fields.put("eventHash", result.getEventHash());
        }
        if (!result.getReasons().isEmpty()) {
            fields.put("reasons", reasons(result).toString());
        }
        if (result.getStorage() != null) {
            fields.put("bucket", result.getStorage().getBucket());
            fields.put("key", result.getStorage().getKey());
        }
        if (result.getReceiptJson() != null) {
            fields.put("receipt", result.getReceiptJson());
        }
        return fields;
    }

    public static ArrayNode reasons(EventResult result) {
        ArrayNode reasons = JSON.createArrayNode();
        for (RejectionReason reason : result.getReasons()) {
            reasons.addObject().put("code", reason.getCode()).put("field", reason.getField()).put("message", reason.getMessage());
        }
        return reasons;
    }
}
