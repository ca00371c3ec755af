package io.eventpipe.schemas.topics;

import io.eventpipe.schemas.registry.AvroSerde;
import io.eventpipe.schemas.registry.PortableSchemas;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the catalogue: its name, what its keys and values are, how it is cleaned up and
 * how many partitions it starts with. Keys are plain UTF-8 strings (ids); values are Avro.
 */
public record Topic<V extends SpecificRecord>(
        String name,
        String keyDescription,
        Class<V> valueType,
        CleanupPolicy cleanupPolicy,
        int defaultPartitions,
        Map<String, String> extraConfigs) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
        extraConfigs = Map.copyOf(extraConfigs);
    }

    /** The registry subject of the values (TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }

    /** The value schema as registered: the .avsc's, without Java code generation's properties. */
    public Schema valueSchema() {
        return PortableSchemas.of(SpecificData.get().getSchema(valueType));
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** A value serde that only uses schemas registered beforehand (the provisioner registers them). */
    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return new AvroSerde<>(registry, valueType, false);
    }

    /** Every topic-level config to create the topic with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new java.util.HashMap<>(extraConfigs);
        configs.put("cleanup.policy", cleanupPolicy.configValue());
        return Map.copyOf(configs);
    }

    @Override
    public String toString() {
        return name;
    }
}
