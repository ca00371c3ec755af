package io.eventpipe.admin.analyst;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one replay: reads the planned ranges and writes each record to the same partition of the
 * target, with its key, value bytes, headers and timestamp, plus a header naming its origin.
 * Progress is made durable (flushed, then recorded) every {@link #BEAT}; a cancel is seen there.
 */
final class ReplayCopier {

    static final String ORIGIN_HEADER = "eventpipe-replay-of";
    private static final Duration BEAT = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ReplayCopier.class);

    private final String bootstrapServers;
    private final TopicRanges ranges;
    private final ReplayJobStore store;
    private final Clock clock;

    ReplayCopier(String bootstrapServers, TopicRanges ranges, ReplayJobStore store, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.ranges = ranges;
        this.store = store;
        this.clock = clock;
    }

    void copy(String jobId, String source, String target, List<PartitionRange> plan) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] copied = {0};
        boolean[] cancelled = {false};
        Instant[] nextBeat = {clock.instant().plus(BEAT)};
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all", "enable.idempotence", "true", "linger.ms", "20", "compression.type", "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            ranges.read(source, plan, record -> {
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(target, record.partition(), record.timestamp(),
                        record.key(), record.value(), new RecordHeaders(record.headers().toArray()));
                copy.headers().add(ORIGIN_HEADER, (source + "/" + record.partition() + "/" + record.offset())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(copy, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                copied[0]++;
                if (clock.instant().isAfter(nextBeat[0])) {
                    producer.flush();
                    nextBeat[0] = clock.instant().plus(BEAT);
                    cancelled[0] = failure.get() == null && beat(jobId, copied[0]);
                }
                return failure.get() == null && !cancelled[0];
            });
            producer.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        finish(jobId, failure.get() != null ? "FAILED" : cancelled[0] ? "CANCELLED" : "DONE", copied[0], failure.get());
    }

    private boolean beat(String jobId, long copied) {
        try {
            return store.progress(jobId, copied, clock.instant());
        } catch (SQLException e) {
            LOG.warn("replay {}: progress not recorded: {}", jobId, e.getMessage());
            return false;
        }
    }

    private void finish(String jobId, String state, long copied, Exception failure) {
        String error = failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage()
                + "; the target holds a partial copy: replay again into a new topic";
        try {
            store.finish(jobId, state, copied, error, clock.instant());
            LOG.info("replay {} {} after {} records{}", jobId, state, copied, error == null ? "" : ": " + error);
        } catch (SQLException e) {
            LOG.warn("replay {} {} after {} records, not recorded: {}", jobId, state, copied, e.getMessage());
        }
    }
}
