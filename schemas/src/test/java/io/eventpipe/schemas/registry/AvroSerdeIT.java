package io.eventpipe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serde against a real Confluent-API registry (Apicurio's ccompat API). */
@ExtendWith(RealServers.class)
class AvroSerdeIT {

    private SchemaRegistryClient registry;

    @BeforeEach
    void connect(TestServers servers) {
        registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
    }

    private static EventResult sampleResult() {
        return EventResult.newBuilder()
                .setEventId("6f1c2a9e-8d3b-4c51-9a7e-0b2f4d6c8e10")
                .setStatus(EventStatus.REJECTED)
                .setEventHash("ab".repeat(32))
                .setReasons(List.of(RejectionReason.newBuilder().setCode("MISSING_LABEL").setField("/annotations/species")
                        .setMessage("required label missing").build()))
                .setStage("validator")
                .setProducedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    @Test
    void roundTripsInTheConfluentWireFormat() {
        AvroSerializer<EventResult> serializer = new AvroSerializer<>(registry, true);
        AvroDeserializer<EventResult> deserializer = new AvroDeserializer<>(registry, EventResult.class);
        EventResult result = sampleResult();

        byte[] payload = serializer.serialize("roundtrip.results", result);

        assertThat(payload[0]).isEqualTo((byte) 0);
        int id = ByteBuffer.wrap(payload, 1, 4).getInt();
        assertThat(id).isEqualTo(registry.lookup("roundtrip.results-value", PortableSchemas.of(EventResult.getClassSchema())));
        assertThat(registry.subjects()).contains("roundtrip.results-value");
        assertThat(deserializer.deserialize("roundtrip.results", payload)).isEqualTo(result);
    }

    @Test
    void withoutAutoRegisterAnUnknownSchemaIsAnError() {
        AvroSerializer<EventResult> serializer = new AvroSerializer<>(registry, false);
        assertThatThrownBy(() -> serializer.serialize("never.registered", sampleResult()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("never.registered-value");
    }

    @Test
    void registryEnforcesBackwardCompatibility() {
        String subject = "compat.check-value";
        Schema v1 = SchemaBuilder.record("Thing").namespace("io.eventpipe.test").fields()
                .requiredString("id").endRecord();
        Schema breaking = SchemaBuilder.record("Thing").namespace("io.eventpipe.test").fields()
                .requiredString("id").requiredInt("count").endRecord();
        Schema compatible = SchemaBuilder.record("Thing").namespace("io.eventpipe.test").fields()
                .requiredString("id").name("count").type().intType().intDefault(0).endRecord();
        registry.setCompatibility(subject, "BACKWARD");
        registry.register(subject, v1);

        assertThat(registry.compatibility(subject)).isEqualTo("BACKWARD");
        assertThat(registry.isCompatible(subject, breaking)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, breaking))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.isIncompatible()).isTrue());
        registry.register(subject, compatible);
        assertThat(registry.versions(subject)).hasSize(2);
    }

    /** A record written with an older, compatible writer schema reads as today's class, defaults filled. */
    @Test
    void oldRecordsReadAsTheCurrentClass() {
        Schema reasonSchema = RejectionReason.getClassSchema();
        Schema statusSchema = EventStatus.getClassSchema();
        Schema older = SchemaBuilder.record("EventResult").namespace("io.eventpipe.avro").fields()
                .requiredString("eventId")
                .name("status").type(statusSchema).noDefault()
                .name("reasons").type().array().items(reasonSchema).noDefault()
                .requiredString("stage")
                .name("producedAt").type(org.apache.avro.LogicalTypes.timestampMillis()
                        .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .endRecord();
        GenericRecord old = new GenericData.Record(older);
        old.put("eventId", "e-1");
        old.put("status", new GenericData.EnumSymbol(statusSchema, "ACCEPTED"));
        old.put("reasons", List.of());
        old.put("stage", "validator");
        old.put("producedAt", 1_700_000_000_000L);

        byte[] payload = new AvroSerializer<GenericRecord>(registry, true).serialize("evolution.results", old);
        EventResult read = new AvroDeserializer<>(registry, EventResult.class).deserialize("evolution.results", payload);

        assertThat(read.getEventId()).isEqualTo("e-1");
        assertThat(read.getStatus()).isEqualTo(EventStatus.ACCEPTED);
        assertThat(read.getEventHash()).isNull();
        assertThat(read.getReceiptJson()).isNull();
        assertThat(read.getProducedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void corruptPayloadsAreSerializationErrors() {
        AvroDeserializer<EventResult> deserializer = new AvroDeserializer<>(registry, EventResult.class);
        byte[] good = new AvroSerializer<EventResult>(registry, true).serialize("corrupt.results", sampleResult());

        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] unknownId = good.clone();
        unknownId[1] = 0x7f;
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 3);

        assertThatThrownBy(() -> deserializer.deserialize("corrupt.results", truncated)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> deserializer.deserialize("corrupt.results", unknownId))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema id");
        assertThatThrownBy(() -> deserializer.deserialize("corrupt.results", trailing))
                .isInstanceOf(SerializationException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> deserializer.deserialize("corrupt.results", "{\"json\":1}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic");
    }

    @Test
    void aRecordOfAnotherTypeIsRefused() {
        byte[] payload = new AvroSerializer<EventResult>(registry, true).serialize("mixed.topic", sampleResult());
        var wrong = new AvroDeserializer<>(registry, io.eventpipe.avro.RelayRecord.class);
        assertThatThrownBy(() -> wrong.deserialize("mixed.topic", payload)).isInstanceOf(SerializationException.class);
    }
}
