package io.eventpipe.testkit;

import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Positions a test's consumer on every partition of a topic, without a group, so that it sees only what comes next. */
public final class KafkaReads {

    private KafkaReads() {
    }

    /** Assigns every partition of the topic and moves to its end (resolved now, not at the first poll). */
    public static void fromEnd(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }
}
