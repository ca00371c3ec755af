package io.eventpipe.anchor;

import io.eventpipe.anchor.config.AnchorConfig;
import io.eventpipe.avro.AnchorReceipt;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.schemas.registry.AvroSerializer;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.AnvilNode;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.KafkaReads;
import io.eventpipe.testkit.TestServers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The anchor sink against the real broker, registry, S3Proxy, PostgreSQL and anvil: each fixture
 * has its own database, consumer group and funded signing key; validated events are published
 * and every result and receipt from then on is collected.
 */
public final class AnchorFixture implements AutoCloseable {

    private final TestServers servers;
    private final SchemaRegistryClient registry;
    private final String database = "anchor_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String group = "anchor-it-" + UUID.randomUUID();
    private final Credentials key;
    private final AnvilNode anvil;
    private final KafkaProducer<String, ValidatedEvent> producer;
    private final KafkaConsumer<String, EventResult> results;
    private final Map<String, List<EventResult>> collected = new HashMap<>();

    public AnchorFixture(TestServers servers) throws Exception {
        this.servers = servers;
        this.anvil = servers.anvil();
        this.registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            new TopicProvisioner(admin, registry, (short) 1).provision(Topics.ALL);
            startGroupAtTheEnd(admin);
        }
        try (Connection connection = servers.postgres().dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        this.key = Credentials.create(Keys.createEcKeyPair());
        anvil.fund(key.getAddress());
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers(), "acks", "all"),
                Serdes.String().serializer(), new AvroSerializer<>(registry, false));
        this.results = new KafkaConsumer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers(),
                "isolation.level", "read_committed"), Serdes.String().deserializer(),
                Topics.EVENTS_RESULTS.valueSerde(registry).deserializer());
        KafkaReads.fromEnd(results, Topics.EVENTS_RESULTS.name());
    }

    /** Other tests' events stay in events.validated; this fixture's sink reads only what comes after its start. */
    private void startGroupAtTheEnd(Admin admin) throws Exception {
        var description = admin.describeTopics(List.of(Topics.EVENTS_VALIDATED.name())).allTopicNames().get()
                .get(Topics.EVENTS_VALIDATED.name());
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(Topics.EVENTS_VALIDATED.name(), p.partition()),
                org.apache.kafka.clients.admin.OffsetSpec.latest()));
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) ->
                ends.put(partition, new org.apache.kafka.clients.consumer.OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, ends).all().get();
    }

    public AnvilNode anvil() {
        return anvil;
    }


    public SchemaRegistryClient registry() {
        return registry;
    }

    public String jdbcUrl() {
        return servers.postgres().jdbcUrl().replace("/eventpipe", "/" + database);
    }

    /** Small batches and few confirmations, so that tests see every state quickly; extra settings override. */
    public AnchorConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", servers.kafka().bootstrapServers());
        env.put("EVENTPIPE_SCHEMA_REGISTRY_URL", servers.registry().confluentApiUrl());
        env.put("EVENTPIPE_ANCHOR_GROUP_ID", group);
        env.put("EVENTPIPE_S3_ENDPOINT", servers.s3().endpoint());
        env.put("EVENTPIPE_S3_BUCKET", TestServers.BUCKET);
        env.put("EVENTPIPE_S3_ACCESS_KEY", servers.s3().credentials().accessKey());
        env.put("EVENTPIPE_S3_SECRET_KEY", servers.s3().credentials().secretKey());
        env.put("EVENTPIPE_DB_URL", jdbcUrl());
        env.put("EVENTPIPE_RPC_URL", anvil.rpcUrl());
        env.put("EVENTPIPE_CONTRACT_DEPLOY", "true");
        env.put("EVENTPIPE_SIGNER_PRIVATE_KEY", Numeric.toHexStringNoPrefixZeroPadded(key.getEcKeyPair().getPrivateKey(), 64));
        env.put("EVENTPIPE_BATCH_MAX_SIZE", "10");
        env.put("EVENTPIPE_BATCH_MAX_AGE", "1s");
        env.put("EVENTPIPE_CONFIRMATIONS", "3");
        env.put("EVENTPIPE_ANCHOR_POLL", "100ms");
        env.put("EVENTPIPE_ANCHOR_STUCK_AFTER", "2s");
        env.put("EVENTPIPE_MANAGEMENT_PORT", "0");
        env.putAll(extra);
        return AnchorConfig.load(null, env);
    }

    /** Publishes count validated events (synthetic bodies); their ids. */
    public List<String> publish(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String eventId = UUID.randomUUID().toString();
            byte[] body = ("{\"eventId\":\"" + eventId + "\"}").getBytes(StandardCharsets.UTF_8);
            ValidatedEvent event = ValidatedEvent.newBuilder().setEventId(eventId).setDeviceId("device-" + (i % 3)).setRelayId("relay-1")
                    .setReceivedAt(Instant.now()).setValidatedAt(Instant.now()).setEventHash(Hex.encode(Sha256.digest(body)))
                    .setCanonicalJson(ByteBuffer.wrap(body)).setMedia(List.of()).build();
            producer.send(new ProducerRecord<>(Topics.EVENTS_VALIDATED.name(), eventId, event)).get(30, TimeUnit.SECONDS);
            ids.add(eventId);
        }
        return ids;
    }

    public synchronized Map<String, List<EventResult>> results() {
        for (ConsumerRecord<String, EventResult> record : results.poll(Duration.ofMillis(100))) {
            collected.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
        }
        return collected;
    }

    /** Waits until every event has a result of this status, mining a block per look so that confirmations grow. */
    public void awaitStatus(List<String> eventIds, EventStatus status, Duration timeout) {
        Await.until(eventIds.size() + " events " + status, timeout, () -> {
            anvil().rpc("anvil_mine", "[\"0x1\"]");
            Map<String, List<EventResult>> seen = results();
            return eventIds.stream().allMatch(id -> seen.getOrDefault(id, List.of()).stream().anyMatch(r -> r.getStatus() == status));
        });
    }

    /** The latest result of this status for the event. */
    public EventResult latest(String eventId, EventStatus status) {
        List<EventResult> all = results().getOrDefault(eventId, List.of()).stream().filter(r -> r.getStatus() == status).toList();
        return all.get(all.size() - 1);
    }

    /** The latest AnchorReceipt per event on anchor.receipts, read from the beginning. */
    public Map<String, AnchorReceipt> receiptsTopic(List<String> eventIds) {
        Map<String, AnchorReceipt> latest = new HashMap<>();
        try (KafkaConsumer<String, AnchorReceipt> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                servers.kafka().bootstrapServers()), Serdes.String().deserializer(),
                Topics.ANCHOR_RECEIPTS.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ANCHOR_RECEIPTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Await.until("anchor.receipts read to its end", Duration.ofSeconds(30), () -> {
                for (ConsumerRecord<String, AnchorReceipt> record : consumer.poll(Duration.ofMillis(100))) {
                    if (eventIds.contains(record.key())) {
                        latest.put(record.key(), record.value());
                    }
                }
                return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return latest;
    }

    @Override
    public void close() {
        producer.close();
        results.close();
    }
}
