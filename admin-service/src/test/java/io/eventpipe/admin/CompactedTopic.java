package io.eventpipe.admin;

import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;

/** A single-partition compacted control topic read as the tests need it: the newest value of a key, as of now. */
final class CompactedTopic<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final TopicPartition partition;

    CompactedTopic(TestServers servers, Topic<V> topic) {
        this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()),
                Serdes.String().deserializer(), topic.valueSerde(new RestSchemaRegistryClient(servers.registry().confluentApiUrl()))
                .deserializer());
        this.partition = new TopicPartition(topic.name(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** The newest value of the key on the topic as it is now (null for a tombstone); the key must have a record. */
    V latest(String key) {
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        List<ConsumerRecord<String, V>> seen = new ArrayList<>();
        Await.until(partition.topic() + " read to its end", Duration.ofSeconds(30), () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.key().equals(key)) {
                    seen.add(record);
                }
            });
            return consumer.position(partition) >= end;
        });
        return seen.get(seen.size() - 1).value();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
