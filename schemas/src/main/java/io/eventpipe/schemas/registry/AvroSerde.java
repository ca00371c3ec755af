package io.eventpipe.schemas.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serializer and deserializer of one generated Avro type, for Kafka Streams and typed clients. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(SchemaRegistryClient registry, Class<T> type, boolean autoRegister) {
        this.serializer = new AvroSerializer<>(registry, autoRegister);
        this.deserializer = new AvroDeserializer<>(registry, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // Built ready to use: the registry client is given at construction.
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
