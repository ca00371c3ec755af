package io.eventpipe.schemas.topics;

import io.eventpipe.avro.AnchorReceipt;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.ValidatedEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of CONTRACT section 1: every topic of EventPipe, and nothing else. */
public final class Topics {

    /** Events keep forever in the dev stack's topics: they are evidence. Operators set retention per cluster. */
    private static final Map<String, String> EVIDENCE = Map.of("retention.ms", "-1");
    private static final Map<String, String> COMPACTED = Map.of("min.compaction.lag.ms", "0");

    public static final Topic<EventPackage> EVENTS_INCOMING =
            new Topic<>("events.incoming", "deviceId", EventPackage.class, CleanupPolicy.DELETE, 6, EVIDENCE);
    public static final Topic<ValidatedEvent> EVENTS_VALIDATED =
            new Topic<>("events.validated", "eventId", ValidatedEvent.class, CleanupPolicy.DELETE, 6, EVIDENCE);
    public static final Topic<RejectedEvent> EVENTS_REJECTED =
            new Topic<>("events.rejected", "eventId", RejectedEvent.class, CleanupPolicy.DELETE, 3, EVIDENCE);
    public static final Topic<EventResult> EVENTS_RESULTS =
            new Topic<>("events.results", "eventId", EventResult.class, CleanupPolicy.DELETE, 6, Map.of());
    public static final Topic<AnchorReceipt> ANCHOR_RECEIPTS =
            new Topic<>("anchor.receipts", "eventId", AnchorReceipt.class, CleanupPolicy.COMPACT, 3, COMPACTED);
    public static final Topic<LabelConfig> CONFIG_LABELS =
            new Topic<>("config.labels", "labelConfigId", LabelConfig.class, CleanupPolicy.COMPACT, 1, COMPACTED);
    public static final Topic<RelayRecord> RELAYS_REGISTRY =
            new Topic<>("relays.registry", "relayId", RelayRecord.class, CleanupPolicy.COMPACT, 1, COMPACTED);

    public static final List<Topic<?>> ALL = List.of(
            EVENTS_INCOMING, EVENTS_VALIDATED, EVENTS_REJECTED, EVENTS_RESULTS,
            ANCHOR_RECEIPTS, CONFIG_LABELS, RELAYS_REGISTRY);

    private Topics() {
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}
