package io.eventpipe.processors;

import io.eventpipe.common.management.ManagementServer;
import io.eventpipe.processors.archive.Archiver;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.processors.config.SkipCorruptRecords;
import io.eventpipe.processors.metrics.ProcessorsMetrics;
import io.eventpipe.processors.validation.ValidationTopology;
import io.eventpipe.schemas.clients.KafkaConnections;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream processors' process: the validation topology (Kafka Streams), the archive app and
 * the management port; started together, closed together on SIGTERM.
 */
public final class ProcessorsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ProcessorsConfig config;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final Archiver archiver;
    private ManagementServer management;

    public ProcessorsApp(ProcessorsConfig config) {
        this.config = config;
        ProcessorsMetrics metrics = new ProcessorsMetrics(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        this.streams = new KafkaStreams(ValidationTopology.build(config, metrics), streamsProperties(config));
        // A bug in one record must not stop the pipeline for good; the record is retried by the new thread.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed, replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        this.archiver = new Archiver(config, config.instanceId(), metrics, Clock.systemUTC());
    }

    static Properties streamsProperties(ProcessorsConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        // Replies wait on this path: commit (and so make results visible) often.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
        props.put(StreamsConfig.producerPrefix("linger.ms"), 0);
        // New partitions of events.incoming are picked up within seconds.
        props.put(StreamsConfig.consumerPrefix("metadata.max.age.ms"), 10_000);
        // Streams keeps dynamic members in the group after close (a restart would wait out the
        // session timeout before its partitions are assigned again); a clean stop leaves at once.
        props.put(StreamsConfig.consumerPrefix("internal.leave.group.on.close"), true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, SkipCorruptRecords.class);
        return props;
    }

    public void start() {
        streams.start();
        archiver.start();
        management = ManagementServer.start("0.0.0.0", config.managementPort(), this::notReadyBecause, registry::scrape);
    }

    /** The management port actually bound (config may ask for 0). */
    public int managementPort() {
        return management.port();
    }

    private String notReadyBecause() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            return "validation topology is " + state;
        }
        if (!KafkaConnections.consumerConnected(streams.metrics())) {
            return "validation topology holds no broker connection";
        }
        return archiver.notReadyBecause();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        if (management != null) {
            management.close();
        }
        archiver.close();
        streams.close(CLOSE_TIMEOUT);
        streamsMetrics.close();
        gc.close();
        registry.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = args.length > 1 && args[0].equals("--config") ? Path.of(args[1]) : null;
        ProcessorsConfig config = ProcessorsConfig.load(file, System.getenv());
        ProcessorsApp app = new ProcessorsApp(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "processors-shutdown"));
        app.start();
        LOG.info("stream processors started: {} on {}, management port {}", config.applicationId(), config.bootstrapServers(),
                app.managementPort());
        stopped.await();
    }
}
