package io.eventpipe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void readsTheBigEndianSchemaId() {
        assertThat(WireFormat.schemaId(new byte[] {0, 0, 0, 1, 2, 42})).isEqualTo(258);
    }

    @Test
    void refusesShortPayloads() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("shorter");
    }

    @Test
    void refusesOtherMagicBytes() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {'{', '"', 'a', '"', ':'}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic");
    }

    @Test
    void serdeRequiresARegistryUrl() {
        AvroSerializer<org.apache.avro.generic.GenericRecord> serializer = new AvroSerializer<>();
        assertThatThrownBy(() -> serializer.configure(java.util.Map.of(), false))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void nullsStayNullForTombstones() {
        assertThat(new AvroSerializer<>(SchemaRegistryClient.shared("http://127.0.0.1:1"), false).serialize("t", null)).isNull();
        assertThat(new AvroDeserializer<>(SchemaRegistryClient.shared("http://127.0.0.1:1"), null).deserialize("t", null)).isNull();
    }
}
