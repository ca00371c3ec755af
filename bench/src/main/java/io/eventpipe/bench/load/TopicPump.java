package io.eventpipe.bench.load;

import io.eventpipe.stack.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Measures a stage that reads one topic and writes others, the same way for the pass-through
 * ceiling (C2) and the stream processors (S2): the same records are written to the input at once,
 * and the clock runs until the outputs hold as many more committed records.
 */
public final class TopicPump {

    private static final Duration POLL = Duration.ofMillis(10);

    private final String bootstrapServers;

    public TopicPump(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Records per second through the stage; fails when the outputs do not grow by records.size() within timeout. */
    public double recordsPerSecond(String input, List<ConsumerRecord<byte[], byte[]>> records, List<String> outputs, Duration timeout)
            throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                     "acks", "all", "linger.ms", 5, "batch.size", 256 * 1024), new ByteArraySerializer(), new ByteArraySerializer())) {
            long before = committedRecords(admin, outputs);
            long target = before + records.size();
            long start = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(new ProducerRecord<>(input, null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
            Await.until("the outputs " + outputs + " to hold " + records.size() + " more records", timeout, POLL,
                    () -> committedRecordsUnchecked(admin, outputs) >= target);
            return records.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The committed (read_committed) records of the topics: the sum of their end offsets. */
    public static long committedRecords(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(description ->
                description.partitions().forEach(p ->
                        latest.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                .values().stream().mapToLong(info -> info.offset()).sum();
    }

    private static long committedRecordsUnchecked(Admin admin, List<String> topics) {
        try {
            return committedRecords(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of the topic written after the given end offsets (as committedRecords saw them), up to max. */
    public List<ConsumerRecord<byte[], byte[]>> readAfter(String topic, Map<TopicPartition, Long> from, int max) {
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed", "max.poll.records", 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < max && from.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (read.size() < max) {
                        read.add(record);
                    }
                });
            }
        }
        return read;
    }

    /** The end offset of every partition of the topic now. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }
}
