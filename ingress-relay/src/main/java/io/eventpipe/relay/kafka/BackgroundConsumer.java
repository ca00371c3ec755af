package io.eventpipe.relay.kafka;

import io.eventpipe.schemas.registry.RegistryUnavailableException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka consumer polled by a thread of its own until closed: the one lifecycle the relay's
 * readers share (replies, statuses, compacted views). The consumer is used by that thread only.
 */
abstract class BackgroundConsumer<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REGISTRY_PAUSE = Duration.ofSeconds(2);

    protected final KafkaConsumer<String, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    protected BackgroundConsumer(KafkaConsumer<String, V> consumer, String threadName) {
        this.consumer = consumer;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Assigns or subscribes, on the polling thread, before the first poll. */
    protected abstract void onStart();

    /** Handles one poll's records (possibly none), on the polling thread. */
    protected abstract void onRecords(ConsumerRecords<String, V> records);

    protected final void startThread() {
        thread.start();
    }

    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /**
     * Whether the consumer holds a connection to a broker now (its connection-count metric): a
     * consumer keeps polling through a broker outage without an error, so this is how an outage shows.
     */
    public boolean connected() {
        return io.eventpipe.schemas.clients.KafkaConnections.consumerConnected(consumer.metrics());
    }

    /**
     * The consumer's own metrics (fetch rate, records-lag-max, connections) in a registry; closed
     * with it. KafkaConsumer.metrics() is safe from another thread (it takes no lock of the consumer).
     */
    public AutoCloseable bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        var metrics = new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        return metrics;
    }

    private void run() {
        try {
            onStart();
            while (running) {
                try {
                    onRecords(consumer.poll(POLL));
                } catch (RecordDeserializationException e) {
                    recover(e);
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            LOG.error("{} stopped", thread.getName(), e);
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * A record that cannot be decoded must neither stop the reader (the relay would stay unready until
     * restarted) nor be lost: while the schema registry is away the record is read again after a pause;
     * a record that is corrupt in itself is skipped, as there is nothing else to do with it here.
     */
    private void recover(RecordDeserializationException e) {
        if (e.getCause() instanceof RegistryUnavailableException) {
            LOG.warn("{}: schema registry unavailable, reading {}@{} again in {}", thread.getName(), e.topicPartition(), e.offset(),
                    REGISTRY_PAUSE);
            consumer.seek(e.topicPartition(), e.offset());
            var assigned = consumer.assignment();
            consumer.pause(assigned);
            try {
                consumer.poll(REGISTRY_PAUSE); // paused: returns nothing, but close() can still wake it up
            } finally {
                consumer.resume(consumer.assignment());
            }
        } else {
            LOG.error("{}: unreadable record {}@{} skipped: {}", thread.getName(), e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
