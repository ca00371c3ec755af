package io.eventpipe.processors.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.MediaRef;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.avro.SourceRecord;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.common.crypto.EventHash;
import io.eventpipe.common.event.EventShape;
import io.eventpipe.common.json.InvalidJsonException;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.storage.ObjectKeys;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, without any I/O, whether an incoming event package is valid; recomputes the event
 * hash of CONTRACT 2.5 from the bytes the device sent. Every problem found is a reason.
 */
public final class EventValidator {

    static final String STAGE = "validator";

    private final String bucket;
    private final Duration capturedMaxFuture;
    private final Clock clock;
    private final DeviceSignatureCheck signatures;

    public EventValidator(String bucket, Duration capturedMaxFuture, X509Certificate root, Clock clock) {
        this.signatures = new DeviceSignatureCheck(root);
        this.bucket = bucket;
        this.capturedMaxFuture = capturedMaxFuture;
        this.clock = clock;
    }

    public Outcome validate(EventPackage pkg, SourceRecord source, Integer replyPartition, References references) {
        byte[] body = bytes(pkg.getBody());
        JsonNode event;
        try {
            event = Jcs.parse(body);
        } catch (InvalidJsonException e) {
            return reject(pkg, source, replyPartition, null, List.of(reason(Reasons.MALFORMED_JSON, "", e.getMessage())));
        }
        List<RejectionReason> reasons = new ArrayList<>();
        EventShape.check(event).forEach(v -> reasons.add(reason(v.code(), v.field(), v.message())));
        boolean wellFormed = reasons.isEmpty();
        EventHash.Canonical canonical;
        try {
            canonical = EventHash.of(event);
        } catch (IllegalArgumentException e) {
            reasons.add(reason(Reasons.MALFORMED_JSON, "", e.getMessage()));
            return reject(pkg, source, replyPartition, null, reasons);
        }
        checkEnvelope(pkg, event, canonical, reasons);
        reasons.addAll(signatures.check(pkg, body, references));
        if (wellFormed) {
            reasons.addAll(LabelRules.check(event, references.labelConfig(event.path("labelConfig").path("id").asText())));
        }
        references.relay(pkg.getRelayId())
                .filter(relay -> DeviceSignatureCheck.revokedBefore(relay, pkg.getReceivedAt()))
                .ifPresent(relay -> reasons.add(reason(Reasons.RELAY_REVOKED, "",
                        "relay " + relay.getRelayId() + " was revoked when it received the event")));
        if (!reasons.isEmpty()) {
            return reject(pkg, source, replyPartition, canonical.hashHex(), reasons);
        }
        return accept(pkg, event, canonical, replyPartition);
    }

    private void checkEnvelope(EventPackage pkg, JsonNode event, EventHash.Canonical canonical, List<RejectionReason> reasons) {
        JsonNode id = event.path("eventId");
        if (id.isTextual() && !id.textValue().equals(pkg.getEventId())) {
            reasons.add(reason(Reasons.EVENT_ID_MISMATCH, "/eventId", "the body's eventId differs from the package's"));
        }
        if (!canonical.hashHex().equals(pkg.getEventHash())) {
            reasons.add(reason(Reasons.HASH_MISMATCH, "", "the relay's event hash does not match the body"));
        }
        Instant captured = capturedAt(event);
        if (captured != null && captured.isAfter(clock.instant().plus(capturedMaxFuture))) {
            reasons.add(reason(Reasons.CAPTURED_IN_FUTURE, "/capturedAt", "capturedAt is more than "
                    + capturedMaxFuture.toMinutes() + " min in the future"));
        }
    }

    /** A record that could not even be decoded: into the DLQ byte for byte, with the error. */
    public Outcome unreadable(byte[] raw, SourceRecord source, String error) {
        RejectedEvent rejected = RejectedEvent.newBuilder()
                .setRejectedAt(clock.instant())
                .setReasons(List.of(reason(Reasons.UNREADABLE_RECORD, "", error)))
                .setSource(source)
                .setRawPayload(raw == null ? null : ByteBuffer.wrap(raw))
                .build();
        return Outcome.rejected(rejected, null);
    }

    private Outcome accept(EventPackage pkg, JsonNode event, EventHash.Canonical canonical, Integer replyPartition) {
        Instant now = clock.instant();
        ValidatedEvent validated = ValidatedEvent.newBuilder()
                .setEventId(pkg.getEventId())
                .setDeviceId(pkg.getDeviceId())
                .setCertificateFingerprint(pkg.getCertificateFingerprint())
                .setRelayId(pkg.getRelayId())
                .setReceivedAt(pkg.getReceivedAt())
                .setValidatedAt(now)
                .setEventHash(canonical.hashHex())
                .setCanonicalJson(ByteBuffer.wrap(canonical.jcs()))
                .setLabelConfigId(event.path("labelConfig").path("id").asText())
                .setLabelConfigVersion(event.path("labelConfig").path("version").intValue())
                .setCapturedAt(capturedAt(event))
                .setMedia(mediaRefs(event.path("media")))
                .build();
        return Outcome.valid(validated, result(pkg, EventStatus.ACCEPTED, canonical.hashHex(), List.of(), replyPartition));
    }

    private Outcome reject(EventPackage pkg, SourceRecord source, Integer replyPartition, String hash, List<RejectionReason> reasons) {
        RejectedEvent rejected = RejectedEvent.newBuilder()
                .setEventId(pkg.getEventId())
                .setDeviceId(pkg.getDeviceId())
                .setRelayId(pkg.getRelayId())
                .setReceivedAt(pkg.getReceivedAt())
                .setRejectedAt(clock.instant())
                .setEventHash(hash)
                .setReasons(reasons)
                .setSource(source)
                .setBody(pkg.getBody())
                .build();
        return Outcome.rejected(rejected, result(pkg, EventStatus.REJECTED, hash, reasons, replyPartition));
    }

    private EventResult result(EventPackage pkg, EventStatus status, String hash, List<RejectionReason> reasons, Integer replyPartition) {
        return EventResult.newBuilder()
                .setEventId(pkg.getEventId())
                .setStatus(status)
                .setEventHash(hash)
                .setDeviceId(pkg.getDeviceId())
                .setReasons(reasons)
                .setReplyPartition(replyPartition)
                .setStage(STAGE)
                .setProducedAt(clock.instant())
                .build();
    }

    private List<MediaRef> mediaRefs(JsonNode media) {
        List<MediaRef> refs = new ArrayList<>();
        media.forEach(item -> refs.add(MediaRef.newBuilder()
                .setSha256(item.path("sha256").asText())
                .setContentType(item.path("contentType").asText())
                .setSize(item.path("size").longValue())
                .setBucket(bucket)
                .setKey(ObjectKeys.media(item.path("sha256").asText()))
                .build()));
        return refs;
    }

    private static Instant capturedAt(JsonNode event) {
        try {
            return OffsetDateTime.parse(event.path("capturedAt").asText()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static RejectionReason reason(String code, String field, String message) {
        return Reasons.reason(code, field, message);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
