package io.eventpipe.common.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The receipt of CONTRACT 3: self-contained JSON that anyone can verify offline (the audit path
 * leads from the event hash to the root) plus one chain lookup (the root was anchored).
 */
public record Receipt(int version, String eventId, String eventHash, long leafIndex, long treeSize, List<String> auditPath,
                      String root, String batchId, Anchor anchor) {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public Receipt {
        auditPath = List.copyOf(auditPath);
    }

    /** Where the root was anchored. */
    public record Anchor(long chainId, String contract, String txHash, long blockNumber, String blockHash) {
    }

    public ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode()
                .put("version", version).put("eventId", eventId).put("eventHash", eventHash)
                .put("leafIndex", leafIndex).put("treeSize", treeSize);
        auditPath.forEach(json.putArray("auditPath")::add);
        json.put("root", root).put("batchId", batchId);
        json.putObject("anchor").put("chainId", anchor.chainId()).put("contract", anchor.contract()).put("txHash", anchor.txHash())
                .put("blockNumber", anchor.blockNumber()).put("blockHash", anchor.blockHash());
        return json;
    }

    /** Reads a receipt; a missing or mistyped field is an IllegalArgumentException naming it. */
    public static Receipt fromJson(JsonNode json) {
        JsonNode anchor = field(json, "anchor");
        List<String> path = new ArrayList<>();
        JsonNode pathNode = field(json, "auditPath");
        if (!pathNode.isArray()) {
            throw new IllegalArgumentException("auditPath must be an array of hex hashes");
        }
        pathNode.forEach(entry -> path.add(text(entry, "auditPath[]")));
        return new Receipt(integer(json, "version"), text(field(json, "eventId"), "eventId"), text(field(json, "eventHash"), "eventHash"),
                integer(json, "leafIndex"), integer(json, "treeSize"), path, text(field(json, "root"), "root"),
                text(field(json, "batchId"), "batchId"),
                new Anchor(integer(anchor, "chainId"), text(field(anchor, "contract"), "anchor.contract"),
                        text(field(anchor, "txHash"), "anchor.txHash"), integer(anchor, "blockNumber"),
                        text(field(anchor, "blockHash"), "anchor.blockHash")));
    }

    private static JsonNode field(JsonNode json, String name) {
        JsonNode value = json == null ? null : json.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the receipt has no " + name);
        }
        return value;
    }

    private static String text(JsonNode value, String name) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode json, String name) {
        JsonNode value = field(json, name);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        return value.intValue();
    }
}
