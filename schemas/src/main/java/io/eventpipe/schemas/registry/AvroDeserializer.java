package io.eventpipe.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. The writer's schema comes from the registry by id; with a
 * target class, records are resolved to that class's (reader) schema, so old records written
 * with an earlier compatible schema read as today's type.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private Class<T> targetType;
    private boolean specific = true;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction; {@link #configure} must follow. Reads generated classes. */
    public AvroDeserializer() {
    }

    /** Reads records as the given generated class, or as GenericRecord when targetType is null. */
    public AvroDeserializer(SchemaRegistryClient registry, Class<T> targetType) {
        this.registry = registry;
        this.targetType = targetType;
        this.specific = targetType != null;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.registry = RegistryConfig.client(configs);
        this.specific = RegistryConfig.flag(configs, RegistryConfig.SPECIFIC_READER, true);
    }

    @Override
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        int id = WireFormat.schemaId(payload);
        DatumReader<Object> reader = readers.computeIfAbsent(id, this::newReader);
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, null);
            Object value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("trailing bytes after the Avro record (schema id " + id + ")");
            }
            return cast(value, id);
        } catch (SerializationException e) {
            throw e;
        } catch (Exception e) {
            // Avro throws assorted runtime exceptions on corrupt input; all of them mean the same.
            throw new SerializationException("corrupt Avro payload for schema id " + id + ": " + e, e);
        }
    }

    private T cast(Object value, int id) {
        if (targetType != null && !targetType.isInstance(value)) {
            throw new SerializationException("schema id " + id + " decodes to " + value.getClass().getName()
                    + ", not " + targetType.getName());
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    private DatumReader<Object> newReader(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (RegistryException e) {
            if (e.isUnavailable()) {
                throw new RegistryUnavailableException("cannot look up schema id " + id + ": " + e.getMessage(), e);
            }
            throw new SerializationException("unknown schema id " + id + ": " + e.getMessage(), e);
        }
        if (!specific) {
            return new GenericDatumReader<>(writer);
        }
        Schema reader = targetType != null ? SpecificData.get().getSchema(targetType) : readerSchemaFor(writer);
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
    }

    private static Schema readerSchemaFor(Schema writer) {
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new SerializationException("no generated class for " + writer.getFullName() + " on the classpath");
        }
        return SpecificData.get().getSchema(generated);
    }
}
