package io.eventpipe.admin.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.AnchorReceipt;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.common.receipt.Receipt;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.web.JsonResponses;
import java.time.Instant;
import java.util.List;

/**
 * One line of the live dashboard: what happened to which event, from which relay, and when. The
 * event's content is not part of it (bodies stay in the pipeline and the archive); ids, status,
 * reasons and anchors are.
 */
public record FeedItem(long sequence, Kind kind, Instant at, String eventId, String relayId, String deviceId, String status,
                       List<String> reasons, ObjectNode json) {

    /** What a line is about, and the topic it comes from. */
    public enum Kind {
        EVENT(Topics.EVENTS_INCOMING.name()), REJECTION(Topics.EVENTS_REJECTED.name()), RESULT(Topics.EVENTS_RESULTS.name()),
        RECEIPT(Topics.ANCHOR_RECEIPTS.name());

        private final String topic;

        Kind(String topic) {
            this.topic = topic;
        }

        public String topic() {
            return topic;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static FeedItem of(long sequence, EventPackage event) {
        return item(sequence, Kind.EVENT, event.getReceivedAt(), event.getEventId(), event.getRelayId(), event.getDeviceId(), "RECEIVED",
                List.of()).withField("eventHash", event.getEventHash());
    }

    static FeedItem of(long sequence, RejectedEvent rejected) {
        return item(sequence, Kind.REJECTION, rejected.getRejectedAt(), rejected.getEventId(), rejected.getRelayId(),
                rejected.getDeviceId(), "REJECTED", rejected.getReasons().stream().map(RejectionReason::getCode).toList());
    }

    static FeedItem of(long sequence, EventResult result) {
        return item(sequence, Kind.RESULT, result.getProducedAt(), result.getEventId(), null, result.getDeviceId(),
                result.getStatus().name(), result.getReasons().stream().map(RejectionReason::getCode).toList())
                .withField("stage", result.getStage());
    }

    static FeedItem of(long sequence, AnchorReceipt receipt, Instant at) {
        return item(sequence, Kind.RECEIPT, at, receipt.getEventId(), null, null, receipt.getFinal$() ? "FINAL" : "ANCHORED", List.of())
                .withField("root", receipt.getRoot()).withField("batchId", receipt.getBatchId())
                .withField("txHash", receipt.getAnchor().getTxHash()).withField("blockNumber", receipt.getAnchor().getBlockNumber())
                .withField("confirmations", receipt.getConfirmations()).withField("receipt", receiptJson(receipt));
    }

    /** The receipt as CONTRACT 3 writes it: what the dashboard links to, verifiable by anyone. */
    private static ObjectNode receiptJson(AnchorReceipt receipt) {
        var anchor = receipt.getAnchor();
        return new Receipt(receipt.getVersion(), receipt.getEventId(), receipt.getEventHash(), receipt.getLeafIndex(),
                receipt.getTreeSize(), List.copyOf(receipt.getAuditPath()), receipt.getRoot(), receipt.getBatchId(),
                new Receipt.Anchor(anchor.getChainId(), anchor.getContract(), anchor.getTxHash(), anchor.getBlockNumber(),
                        anchor.getBlockHash())).toJson();
    }

    private static FeedItem item(long sequence, Kind kind, Instant at, String eventId, String relayId, String deviceId, String status,
                                 List<String> reasons) {
        ObjectNode json = JsonResponses.JSON.createObjectNode().put("seq", sequence).put("kind", kind.label())
                .put("topic", kind.topic()).put("at", at == null ? null : at.toString()).put("eventId", eventId)
                .put("relayId", relayId).put("deviceId", deviceId).put("status", status);
        reasons.forEach(json.putArray("reasons")::add);
        return new FeedItem(sequence, kind, at, eventId, relayId, deviceId, status, List.copyOf(reasons), json);
    }

    private FeedItem withField(String name, Object value) {
        json.set(name, JsonResponses.JSON.valueToTree(value));
        return this;
    }
}
