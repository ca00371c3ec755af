package io.eventpipe.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.LabelType;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.common.crypto.EventHash;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.schemas.registry.AvroSerializer;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.ReplyHeaders;
import io.eventpipe.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationTopologyTest {

    private static final String REGISTRY = "mock://validation-topology-test";
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final String EVENT_ID = "6f1c2a9e-8d3b-4c51-9a7e-0b2f4d6c8e10";

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> incoming;
    private TestOutputTopic<String, ValidatedEvent> validated;
    private TestOutputTopic<String, RejectedEvent> rejected;
    private TestOutputTopic<String, EventResult> results;
    private TestInputTopic<String, LabelConfig> labelConfigs;
    private TestInputTopic<String, RelayRecord> relays;
    private final SchemaRegistryClient registry = SchemaRegistryClient.shared(REGISTRY);

    @BeforeEach
    void start() {
        Topics.ALL.forEach(topic -> registry.register(topic.valueSubject(), topic.valueSchema()));
        ProcessorsConfig config = new ProcessorsConfig("unused:9092", REGISTRY, "validator-test", 1, Path.of("target/streams"),
                "eventpipe", Duration.ofMinutes(10));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "validator-test");
        driver = new TopologyTestDriver(ValidationTopology.build(config, Clock.fixed(NOW, ZoneOffset.UTC)), props);
        incoming = driver.createInputTopic(Topics.EVENTS_INCOMING.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        validated = driver.createOutputTopic(Topics.EVENTS_VALIDATED.name(), Serdes.String().deserializer(),
                Topics.EVENTS_VALIDATED.valueSerde(registry).deserializer());
        rejected = driver.createOutputTopic(Topics.EVENTS_REJECTED.name(), Serdes.String().deserializer(),
                Topics.EVENTS_REJECTED.valueSerde(registry).deserializer());
        results = driver.createOutputTopic(Topics.EVENTS_RESULTS.name(), Serdes.String().deserializer(),
                Topics.EVENTS_RESULTS.valueSerde(registry).deserializer());
        labelConfigs = driver.createInputTopic(Topics.CONFIG_LABELS.name(), Serdes.String().serializer(),
                new AvroSerializer<LabelConfig>(registry, false));
        relays = driver.createInputTopic(Topics.RELAYS_REGISTRY.name(), Serdes.String().serializer(),
                new AvroSerializer<RelayRecord>(registry, false));
        labelConfigs.pipeInput("wildlife", wildlife());
    }

    private static LabelDefinition.Builder label(String name, LabelType type, boolean required) {
        return LabelDefinition.newBuilder().setName(name).setType(type).setRequired(required);
    }

    /** Version 1 active with a label of every type; version 2 deprecated. */
    static LabelConfig wildlife() {
        List<LabelDefinition> labels = List.of(
                label("species", LabelType.TEXT, true).setMaxLength(20).build(),
                label("count", LabelType.INTEGER, false).setMin(1.0).setMax(100.0).build(),
                label("weight", LabelType.NUMBER, false).setMin(0.0).build(),
                label("condition", LabelType.ENUM, false).setEnumValues(List.of("healthy", "injured")).build(),
                label("confirmed", LabelType.BOOLEAN, false).build(),
                label("seenOn", LabelType.DATE, false).build(),
                label("ring", LabelType.TEXT, false).setPattern("[A-Z]{2}[0-9]{4}").build());
        return LabelConfig.newBuilder().setId("wildlife").setName("Wildlife").setCurrentVersion(1).setUpdatedAt(NOW)
                .setVersions(List.of(
                        LabelConfigVersion.newBuilder().setVersion(1).setStatus(LabelConfigStatus.ACTIVE).setLabels(labels)
                                .setCreatedAt(NOW).build(),
                        LabelConfigVersion.newBuilder().setVersion(2).setStatus(LabelConfigStatus.DEPRECATED).setLabels(labels)
                                .setCreatedAt(NOW).build()))
                .build();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static String body(String capturedAt) {
        return body(capturedAt, 1, "{\"species\":\"otter\",\"count\":2.0}");
    }

    static String body(String capturedAt, int version, String annotations) {
        return "{\"eventId\":\"" + EVENT_ID + "\",\"capturedAt\":\"" + capturedAt + "\","
                + "\"labelConfig\":{\"id\":\"wildlife\",\"version\":" + version + "},\"annotations\":" + annotations + ","
                + "\"media\":[{\"sha256\":\"" + "ab".repeat(32) + "\",\"contentType\":\"image/jpeg\",\"size\":10}]}";
    }

    private List<String> rejectionOf(String body) throws Exception {
        send(pkg(body, hashOf(body)));
        return onlyRejection().getReasons().stream().map(r -> r.getCode() + " " + r.getField()).toList();
    }

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
        assertThat(rejectionOf(body("2026-11-24T07:59:00Z"))).containsExactly("RELAY_REVOKED null");
        // revoked after the event arrived: the event stands
        relays.pipeInput("relay-1", RelayRecord.newBuilder().setRelayId("relay-1").setName("r").setStatus(RelayStatus.REVOKED)
                .setRevokedAt(NOW.plusSeconds(60)).setUpdatedAt(NOW).build());
        String body = body("2026-11-24T07:59:00Z");
        send(pkg(body, hashOf(body)));
        assertThat(validated.readValue().getEventId()).isEqualTo(EVENT_ID);
    }

    private static String hashOf(String json) throws Exception {
        return EventHash.of(Jcs.parse(json.getBytes(StandardCharsets.UTF_8))).hashHex();
    }

    private static EventPackage pkg(String body, String hash) {
        return EventPackage.newBuilder().setEventId(EVENT_ID).setDeviceId("device-1").setRelayId("relay-1")
                .setReceivedAt(NOW).setEventHash(hash).setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8))).build();
    }

    private void send(EventPackage pkg) {
        RecordHeaders headers = new RecordHeaders();
        ReplyHeaders.write(headers, 3, "relay-1/instance-a", pkg.getEventId());
        byte[] value = new AvroSerializer<EventPackage>(registry, false).serialize(Topics.EVENTS_INCOMING.name(), pkg);
        incoming.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("device-1", value, headers, NOW));
    }

    private RejectedEvent onlyRejection() {
        assertThat(validated.isEmpty()).isTrue();
        RejectedEvent event = rejected.readValue();
        assertThat(rejected.isEmpty()).isTrue();
        return event;
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
