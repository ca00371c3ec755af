package io.eventpipe.processors.archive;

import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.processors.metrics.ProcessorsMetrics;
import io.eventpipe.schemas.registry.AvroDeserializer;
import io.eventpipe.schemas.registry.RegistryUnavailableException;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import io.eventpipe.common.logging.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The archive app: events.validated → object storage, then STORED on events.results. Offsets
 * move only in the transaction that also carries the results, and only past events whose
 * objects are durable; while storage is down the partition is rewound and retried with backoff,
 * so nothing is skipped and nothing is written twice downstream.
 */
public final class Archiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final ArchiveClients clients;
    private final EventArchive archive;
    private final ArchiveResults results;
    private final ProcessorsMetrics metrics;
    private final AvroDeserializer<ValidatedEvent> deserializer;
    private final SchemaRegistryClient registry;
    private final Duration maxBackoff;
    private final Thread thread;
    private final AtomicReference<String> dependencyProblem = new AtomicReference<>();
    private volatile boolean running = true;
    private Duration backoff = FIRST_BACKOFF;

    public Archiver(ProcessorsConfig config, String instanceId, ProcessorsMetrics metrics, Clock clock) {
        this.registry = SchemaRegistryClient.shared(config.registryUrl());
        this.clients = new ArchiveClients(config, instanceId, registry);
        this.archive = new EventArchive(config.s3());
        this.results = new ArchiveResults(clock);
        this.metrics = metrics;
        this.deserializer = new AvroDeserializer<>(registry, ValidatedEvent.class);
        this.maxBackoff = config.archiveMaxBackoff();
        this.thread = new Thread(this::run, "archiver");
    }

    public void start() {
        thread.start();
    }

    /**
     * Null while the archive can work: its thread runs, its consumer holds a broker connection,
     * the bucket and the registry answer now (probed, so an outage shows while idle too) and the
     * last attempt did not fail on them; else why not.
     */
    public String notReadyBecause() {
        if (!thread.isAlive()) {
            return "archive stopped";
        }
        String met = dependencyProblem.get();
        if (met != null) {
            return met; // what the work itself ran into, in its own words
        }
        if (!clients.connected()) {
            return "archive consumer holds no broker connection";
        }
        if (!archive.isReachable()) {
            return "object storage unreachable";
        }
        if (!registry.isReachable()) {
            return "schema registry unreachable";
        }
        return null;
    }

    private void run() {
        KafkaConsumer<String, byte[]> consumer = clients.consumer();
        consumer.subscribe(List.of(Topics.EVENTS_VALIDATED.name()));
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    handle(consumer, records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        List<ProducerRecord<String, byte[]>> outputs = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        Map<TopicPartition, Long> rewind = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!rewind.isEmpty()) {
                    rewind.put(partition, record.offset());
                    break;
                }
                try {
                    outputs.addAll(archiveOne(record));
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (SdkException | RegistryUnavailableException e) {
                    rewind.put(partition, record.offset());
                    noteDependencyProblem(e);
                    break;
                }
            }
        }
        if (!clients.commit(consumer, outputs, done)) {
            clients.rewindToCommitted(consumer, records.partitions());
            return;
        }
        rewind.forEach(consumer::seek);
        if (rewind.isEmpty()) {
            dependencyProblem.set(null);
            backoff = FIRST_BACKOFF;
        } else {
            pause();
        }
    }

    private List<ProducerRecord<String, byte[]>> archiveOne(ConsumerRecord<String, byte[]> record) {
        ValidatedEvent event;
        try {
            event = deserializer.deserialize(record.topic(), record.value());
        } catch (RegistryUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("unreadable record at {}-{}@{}: to the DLQ", record.topic(), record.partition(), record.offset());
            return List.of(clients.rejected(results.unreadable(record, e.getMessage())));
        }
        EventArchive.Archived archived = archive.archive(event);
        if (archived.conflict()) {
            LOG.error("event {} is archived with another hash; the archived object is kept, this one goes to the DLQ",
                    event.getEventId());
            return List.of(clients.rejected(results.conflict(event, record, archived)));
        }
        if (!archived.missingMedia().isEmpty()) {
            LOG.warn("event {} cites media missing from storage: {}", event.getEventId(), archived.missingMedia());
        }
        metrics.stored(event.getReceivedAt(), results.now(), archived.missingMedia().size());
        EventLog.info(LOG, event.getEventId(), "event archived in S3");
        return List.of(clients.result(results.stored(event, archived)));
    }

    private void noteDependencyProblem(RuntimeException e) {
        metrics.archiveRetry();
        String problem = (e instanceof SdkException ? "object storage" : "schema registry") + " unavailable: "
                + e.getClass().getSimpleName();
        if (dependencyProblem.getAndSet(problem) == null) {
            LOG.warn("{} ({}); retrying with backoff, offsets held", problem, e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }

    @Override
    public void close() {
        running = false;
        clients.wakeup();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.close();
        archive.close();
    }
}
