package io.eventpipe.processors;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.LabelType;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.schemas.registry.AvroSerializer;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.stack.S3Store;
import io.eventpipe.storage.S3Settings;
import io.eventpipe.testkit.KafkaReads;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The processors against the real broker, registry and S3: topics provisioned, signed packages
 * published, every result on events.results collected from the moment the fixture was made.
 * Each fixture uses its own application id and label config, so tests sharing a broker do not meet.
 */
public final class ProcessorsFixture implements AutoCloseable {

    private final TestServers servers;
    private final Path dir;
    private final SchemaRegistryClient registry;
    private final SignedPackages packages;
    private final String applicationId = "processors-it-" + UUID.randomUUID();
    private final String labelConfigId = "it-" + UUID.randomUUID();
    private final KafkaConsumer<String, EventResult> results;
    private final Map<String, List<EventResult>> collected = new HashMap<>();
    private final List<ProcessorsApp> apps = new ArrayList<>();
    private KafkaProducer<String, SpecificRecord> producer;

    public ProcessorsFixture(TestServers servers, Path dir) throws Exception {
        this.servers = servers;
        this.dir = dir;
        this.registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            new TopicProvisioner(admin, registry, (short) 1).provision(Topics.ALL);
        }
        this.packages = SignedPackages.create(dir, "device-1", Instant.now());
        this.producer = newProducer();
        this.results = new KafkaConsumer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers(),
                "isolation.level", "read_committed"), Serdes.String().deserializer(),
                Topics.EVENTS_RESULTS.valueSerde(registry).deserializer());
        KafkaReads.fromEnd(results, Topics.EVENTS_RESULTS.name());
    }

    private KafkaProducer<String, SpecificRecord> newProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers(), "acks", "all"),
                Serdes.String().serializer(), new AvroSerializer<>(registry, false));
    }

    /** The settings of one instance; S3 is the shared test store unless another is given. */
    public ProcessorsConfig config(String instanceId, S3Store s3) {
        return config(instanceId, s3, Map.of());
    }

    /** The settings of one instance, with extra EVENTPIPE_* variables on top. */
    public ProcessorsConfig config(String instanceId, S3Store s3, Map<String, String> extra) {
        Map<String, String> env = ProcessorsConfig.environment(servers.kafka().bootstrapServers(), servers.registry().confluentApiUrl(),
                applicationId, instanceId, packages.rootCertificate(), new S3Settings(s3.endpoint(), "us-east-1", TestServers.BUCKET,
                        s3.credentials().accessKey(), s3.credentials().secretKey()));
        env.put("EVENTPIPE_STREAMS_THREADS", "1");
        env.put("EVENTPIPE_STREAMS_STATE_DIR", dir.resolve("streams-" + instanceId).toString());
        env.put("EVENTPIPE_ARCHIVE_MAX_BACKOFF", "1s");
        env.put("EVENTPIPE_MANAGEMENT_PORT", "0");
        env.putAll(extra);
        return ProcessorsConfig.load(null, env);
    }

    /** Starts an instance (closed with the fixture). */
    public ProcessorsApp start(String instanceId, S3Store s3) {
        return start(instanceId, s3, Map.of());
    }

    /** Starts an instance with extra EVENTPIPE_* variables (closed with the fixture). */
    public ProcessorsApp start(String instanceId, S3Store s3, Map<String, String> extra) {
        ProcessorsApp app = new ProcessorsApp(config(instanceId, s3, extra));
        apps.add(app);
        app.start();
        return app;
    }

    public ProcessorsApp start(String instanceId) {
        return start(instanceId, servers.s3());
    }

    public SignedPackages packages() {
        return packages;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public String labelConfigId() {
        return labelConfigId;
    }

    public <V extends SpecificRecord> void publish(Topic<V> topic, String key, V value) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, value)).get(30, TimeUnit.SECONDS);
    }

    /** The label config the events of this fixture cite: one required text label, species. */
    public void publishLabelConfig() throws Exception {
        publish(Topics.CONFIG_LABELS, labelConfigId, LabelConfig.newBuilder().setId(labelConfigId).setName("it").setCurrentVersion(1)
                .setUpdatedAt(Instant.now()).setVersions(List.of(LabelConfigVersion.newBuilder().setVersion(1)
                        .setStatus(LabelConfigStatus.ACTIVE).setCreatedAt(Instant.now()).setLabels(List.of(
                                LabelDefinition.newBuilder().setName("species").setType(LabelType.TEXT).setRequired(true).build()))
                        .build())).build());
    }

    public static String body(String eventId, String labelConfigId, String mediaJson) {
        return "{\"eventId\":\"" + eventId + "\",\"capturedAt\":\"2026-01-15T08:00:00Z\",\"labelConfig\":{\"id\":\""
                + labelConfigId + "\",\"version\":1},\"annotations\":{\"species\":\"otter\"},\"media\":" + mediaJson + "}";
    }

    /** A signed event from device, citing this fixture's label config; its id. */
    public String submit(String device, Integer partition) throws Exception {
        return submit(device, partition, "[]");
    }

    /** As above, with the media list given as JSON. */
    public String submit(String device, Integer partition, String mediaJson) throws Exception {
        String eventId = UUID.randomUUID().toString();
        EventPackage pkg = packages.pkg(device, eventId, body(eventId, labelConfigId, mediaJson), Instant.now()).build();
        producer.send(new ProducerRecord<>(Topics.EVENTS_INCOMING.name(), partition, device, pkg)).get(30, TimeUnit.SECONDS);
        return eventId;
    }

    public String submit() throws Exception {
        return submit("device-1", null);
    }

    /** Every result of these events seen so far (polling for more first). */
    public synchronized Map<String, List<EventResult>> results() {
        for (ConsumerRecord<String, EventResult> record : results.poll(Duration.ofMillis(200))) {
            collected.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
        }
        return collected;
    }

    /** Reads events.results up to its end as of now, so that every result written so far is counted. */
    public synchronized Map<String, List<EventResult>> drainResults() {
        Map<TopicPartition, Long> ends = results.endOffsets(results.assignment());
        Await.until("events.results read to its end", Duration.ofSeconds(30), () -> {
            results();
            return ends.entrySet().stream().allMatch(end -> results.position(end.getKey()) >= end.getValue());
        });
        return collected;
    }

    /** How many results of this status each event got. */
    public long count(String eventId, EventStatus status) {
        return collected.getOrDefault(eventId, List.of()).stream().filter(r -> r.getStatus() == status).count();
    }

    public List<EventStatus> statuses(String eventId) {
        return results().getOrDefault(eventId, List.of()).stream().map(EventResult::getStatus).toList();
    }

    public EventStatus awaitVerdict(String eventId) {
        return Await.value("the verdict on " + eventId, Duration.ofSeconds(60), () -> statuses(eventId).stream()
                .filter(s -> s == EventStatus.ACCEPTED || s == EventStatus.REJECTED).findFirst().orElse(null));
    }

    public void awaitStatus(List<String> eventIds, EventStatus status, Duration timeout) {
        Await.until(eventIds.size() + " events " + status, timeout,
                () -> eventIds.stream().allMatch(id -> statuses(id).contains(status)));
    }

    /** Producers cache partition counts; after a partition increase, a new one sees them at once. */
    public void renewProducer() {
        producer.close();
        producer = newProducer();
    }

    @Override
    public void close() {
        apps.forEach(ProcessorsApp::close);
        producer.close();
        results.close();
    }
}
