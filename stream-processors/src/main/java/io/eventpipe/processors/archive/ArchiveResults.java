package io.eventpipe.processors.archive;

import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.avro.SourceRecord;
import io.eventpipe.avro.StorageLocation;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.processors.validation.Reasons;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the archive stage tells the rest of the system: STORED results, and DLQ records for what it cannot archive. */
final class ArchiveResults {

    static final String STAGE = "archiver";

    private final Clock clock;

    ArchiveResults(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** STORED, with a MEDIA_MISSING reason per media object storage does not hold. */
    EventResult stored(ValidatedEvent event, EventArchive.Archived archived) {
        List<RejectionReason> reasons = archived.missingMedia().stream()
                .map(sha -> Reasons.reason(Reasons.MEDIA_MISSING, "/media", "media/" + sha + " is not in object storage"))
                .toList();
        return EventResult.newBuilder()
                .setEventId(event.getEventId())
                .setStatus(EventStatus.STORED)
                .setEventHash(event.getEventHash())
                .setDeviceId(event.getDeviceId())
                .setReasons(reasons)
                .setStorage(StorageLocation.newBuilder().setBucket(archived.bucket()).setKey(archived.key()).build())
                .setStage(STAGE)
                .setProducedAt(now())
                .build();
    }

    /** The archive already holds another event under this id: this one goes to the DLQ, the archived one stays. */
    RejectedEvent conflict(ValidatedEvent event, ConsumerRecord<String, byte[]> record, EventArchive.Archived archived) {
        return RejectedEvent.newBuilder()
                .setEventId(event.getEventId())
                .setDeviceId(event.getDeviceId())
                .setRelayId(event.getRelayId())
                .setReceivedAt(event.getReceivedAt())
                .setRejectedAt(now())
                .setEventHash(event.getEventHash())
                .setReasons(List.of(Reasons.reason(Reasons.ARCHIVE_CONFLICT, "", archived.key()
                        + " already holds an event with this id and another hash")))
                .setSource(source(record))
                .setBody(event.getCanonicalJson())
                .build();
    }

    RejectedEvent unreadable(ConsumerRecord<String, byte[]> record, String error) {
        return RejectedEvent.newBuilder()
                .setRejectedAt(now())
                .setReasons(List.of(Reasons.reason(Reasons.UNREADABLE_RECORD, "", error)))
                .setSource(source(record))
                .setRawPayload(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .build();
    }

    private static SourceRecord source(ConsumerRecord<String, byte[]> record) {
        return SourceRecord.newBuilder().setTopic(record.topic()).setPartition(record.partition()).setOffset(record.offset()).build();
    }
}
