package io.eventpipe.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.common.json.Jcs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValidationTopologyTest extends TopologyTestBase {
    @Test
    void everyLabelRuleIsAReason() throws Exception {
        String at = "2026-11-24T07:59:00Z";
        assertThat(rejectionOf(body(at, 1, "{\"count\":3}"))).containsExactly("MISSING_LABEL /annotations/species");
        assertThat(rejectionOf(body(at, 1, "{\"species\":\"otter\",\"colour\":\"brown\"}")))
                .containsExactly("UNKNOWN_LABEL /annotations/colour");
        assertThat(rejectionOf(body(at, 1, "{\"species\":7,\"count\":2.5,\"weight\":-1,\"condition\":\"sleepy\","
                + "\"confirmed\":\"yes\",\"seenOn\":\"yesterday\",\"ring\":\"ab12\"}")))
                .containsExactlyInAnyOrder("INVALID_LABEL_VALUE /annotations/species", "INVALID_LABEL_VALUE /annotations/count",
                        "INVALID_LABEL_VALUE /annotations/weight", "INVALID_LABEL_VALUE /annotations/condition",
                        "INVALID_LABEL_VALUE /annotations/confirmed", "INVALID_LABEL_VALUE /annotations/seenOn",
                        "INVALID_LABEL_VALUE /annotations/ring");
        assertThat(rejectionOf(body(at, 1, "{\"species\":\"" + "o".repeat(21) + "\",\"count\":101}")))
                .containsExactlyInAnyOrder("INVALID_LABEL_VALUE /annotations/species", "INVALID_LABEL_VALUE /annotations/count");
        assertThat(rejectionOf(body(at, 2, "{\"species\":\"otter\"}"))).containsExactly("LABEL_CONFIG_INACTIVE /labelConfig/version");
        assertThat(rejectionOf(body(at, 3, "{\"species\":\"otter\"}"))).containsExactly("UNKNOWN_LABEL_CONFIG /labelConfig/version");
        assertThat(rejectionOf(body(at, 1, "{\"species\":\"otter\"}").replace("wildlife", "plants")))
                .containsExactly("UNKNOWN_LABEL_CONFIG /labelConfig/id");
    }

    @Test
    void everyLabelTypeAcceptsItsValues() throws Exception {
        String body = body("2026-11-24T07:59:00Z", 1, "{\"species\":\"otter\",\"count\":100,\"weight\":0.5,"
                + "\"condition\":\"healthy\",\"confirmed\":false,\"seenOn\":\"2026-11-23\",\"ring\":\"AB1234\"}");
        send(pkg(body, hashOf(body)));
        assertThat(validated.readValue().getEventId()).isEqualTo(EVENT_ID);
    }

    @Test
    void aLabelConfigDeletedByATombstoneNoLongerValidates() throws Exception {
        labelConfigs.pipeInput("wildlife", (LabelConfig) null);
        assertThat(rejectionOf(body("2026-11-24T07:59:00Z"))).containsExactly("UNKNOWN_LABEL_CONFIG /labelConfig/id");
    }

    @Test
    void eventsReceivedByARevokedRelayAreRejected() throws Exception {
        relays.pipeInput("relay-1", RelayRecord.newBuilder().setRelayId("relay-1").setName("r").setStatus(RelayStatus.REVOKED)
                .setRevokedAt(NOW.minusSeconds(60)).setUpdatedAt(NOW).build());
        // the relay received it, and certified its device: both reasons
        assertThat(rejectionOf(body("2026-11-24T07:59:00Z"))).containsExactlyInAnyOrder("RELAY_REVOKED null",
                "DEVICE_CERTIFICATE_REVOKED null");
        // revoked after the event arrived: the event stands
        relays.pipeInput("relay-1", RelayRecord.newBuilder().setRelayId("relay-1").setName("r").setStatus(RelayStatus.REVOKED)
                .setRevokedAt(NOW.plusSeconds(60)).setUpdatedAt(NOW).build());
        String body = body("2026-11-24T07:59:00Z");
        send(pkg(body, hashOf(body)));
        assertThat(validated.readValue().getEventId()).isEqualTo(EVENT_ID);
    }

    @Test
    void validEventGoesToValidatedWithItsHashAndAnAcceptedResult() throws Exception {
        String body = body("2026-11-24T07:59:00Z");
        send(pkg(body, hashOf(body)));

        var record = validated.readKeyValue();
        assertThat(record.key).isEqualTo(EVENT_ID);
        ValidatedEvent event = record.value;
        assertThat(event.getEventHash()).isEqualTo(hashOf(body));
        assertThat(StandardCharsets.UTF_8.decode(event.getCanonicalJson()).toString())
                .isEqualTo(new String(Jcs.canonicalize(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        assertThat(event.getLabelConfigId()).isEqualTo("wildlife");
        assertThat(event.getMedia()).singleElement().satisfies(m -> assertThat(m.getKey()).isEqualTo("media/" + "ab".repeat(32)));
        assertThat(rejected.isEmpty()).isTrue();

        EventResult result = results.readValue();
        assertThat(result.getStatus()).isEqualTo(EventStatus.ACCEPTED);
        assertThat(result.getEventHash()).isEqualTo(hashOf(body));
        assertThat(result.getReplyPartition()).isEqualTo(3);
        assertThat(result.getDeviceId()).isEqualTo("device-1");
    }

    @Test
    void malformedJsonIsRejectedWithTheBodyKept() {
        send(pkg("{\"eventId\":", "00".repeat(32)));
        RejectedEvent event = onlyRejection();
        assertThat(event.getReasons()).extracting(RejectionReason::getCode).containsExactly(Reasons.MALFORMED_JSON);
        assertThat(event.getBody()).isNotNull();
        assertThat(event.getSource().getTopic()).isEqualTo("events.incoming");
        EventResult result = results.readValue();
        assertThat(result.getStatus()).isEqualTo(EventStatus.REJECTED);
        assertThat(result.getReasons()).extracting(RejectionReason::getCode).containsExactly(Reasons.MALFORMED_JSON);
    }

    @Test
    void everyShapeViolationIsAReason() throws Exception {
        String body = "{\"eventId\":\"" + EVENT_ID + "\",\"capturedAt\":5,\"annotations\":[],\"media\":[]}";
        send(pkg(body, hashOf(body)));
        assertThat(onlyRejection().getReasons()).extracting(r -> r.getCode() + " " + r.getField())
                .containsExactlyInAnyOrder("MISSING_FIELD /labelConfig", "INVALID_TYPE /capturedAt", "INVALID_TYPE /annotations");
    }

    @Test
    void hashThatDoesNotMatchTheBodyIsRejected() {
        send(pkg(body("2026-11-24T07:59:00Z"), "00".repeat(32)));
        assertThat(onlyRejection().getReasons()).extracting(RejectionReason::getCode).containsExactly(Reasons.HASH_MISMATCH);
    }

    @Test
    void bodyForAnotherEventIdIsRejected() throws Exception {
        String body = body("2026-11-24T07:59:00Z").replace(EVENT_ID, "11111111-2222-3333-4444-555555555555");
        send(pkg(body, hashOf(body)));
        assertThat(onlyRejection().getReasons()).extracting(RejectionReason::getCode).containsExactly(Reasons.EVENT_ID_MISMATCH);
    }

    @Test
    void captureFromTheFutureIsRejected() throws Exception {
        String body = body("2026-11-24T09:00:00Z");
        send(pkg(body, hashOf(body)));
        assertThat(onlyRejection().getReasons()).extracting(RejectionReason::getCode).containsExactly(Reasons.CAPTURED_IN_FUTURE);
    }

    @Test
    void poisonPillGoesToTheDlqByteForByteWithoutStoppingTheStream() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.US_ASCII);
        incoming.pipeInput("device-1", garbage);
        incoming.pipeInput("device-1", (byte[]) null);
        String body = body("2026-11-24T07:59:00Z");
        send(pkg(body, hashOf(body)));

        RejectedEvent pill = rejected.readValue();
        assertThat(pill.getReasons()).extracting(RejectionReason::getCode).containsExactly(Reasons.UNREADABLE_RECORD);
        assertThat(pill.getRawPayload()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(pill.getEventId()).isNull();
        assertThat(rejected.readValue().getReasons().get(0).getMessage()).contains("null value");
        // no result for records without an event id, and the valid event after them still flows
        assertThat(results.readValue().getStatus()).isEqualTo(EventStatus.ACCEPTED);
        assertThat(results.isEmpty()).isTrue();
        assertThat(validated.readValue().getEventId()).isEqualTo(EVENT_ID);
    }

    @Test
    void replyPartitionerHonoursTheHeaderWithinRange() {
        ReplyPartitioner partitioner = new ReplyPartitioner();
        EventResult.Builder result = EventResult.newBuilder().setEventId("e").setStatus(EventStatus.ACCEPTED)
                .setStage("validator").setProducedAt(NOW);
        assertThat(partitioner.partitions("t", "e", result.setReplyPartition(2).build(), 6)).contains(java.util.Set.of(2));
        assertThat(partitioner.partitions("t", "e", result.setReplyPartition(9).build(), 6)).isEmpty();
        assertThat(partitioner.partitions("t", "e", result.setReplyPartition(null).build(), 6)).isEmpty();
    }

}
