package io.eventpipe.admin;

import io.eventpipe.common.httpsig.SigningClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.schemas.registry.AvroSerializer;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Analysts on the real broker, registry and PostgreSQL: replay dry-run and execution, export, consumer-group reset. */
@ExtendWith(RealServers.class)
class AnalystIT {

    private static final Instant EARLY = Instant.now().minus(Duration.ofHours(2));
    private static final Instant LATE = Instant.now().minus(Duration.ofHours(1));

    @Test
    void replayExportAndGroupReset(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        String source = "analyst-src-" + UUID.randomUUID().toString().substring(0, 8);
        produce(servers, source);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            replays(servers, admin, source);
            export(admin, source);
            groupReset(servers, admin, source);
            assertThat(admin.call("GET", "/v1/admin/audit?limit=200", null).body())
                    .contains("replay.start", "topic.export", "consumer-group.reset");
        }
    }

    private static void replays(TestServers servers, SigningClient admin, String source) throws Exception {
        String target = "replay." + source;
        String window = "\"topic\":\"" + source + "\",\"target\":\"" + target + "\",\"from\":\"" + LATE.minusSeconds(60) + "\"";
        var plan = admin.call("POST", "/v1/admin/replays", "{" + window + "}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        JsonNode dry = SigningClient.json(plan);
        assertThat(dry.get("dryRun").asBoolean()).as("dry-run unless said otherwise").isTrue();
        assertThat(dry.get("offsets").asLong()).isEqualTo(20);
        assertThat(dry.get("partitions")).hasSize(2);
        assertThat(topicExists(servers, target)).as("a dry run changes nothing").isFalse();
        for (String forbidden : List.of("events.incoming", source, "__consumer_offsets")) {
            String into = window.replace("\"" + target + "\"", "\"" + forbidden + "\"");
            var refused = admin.call("POST", "/v1/admin/replays", "{" + into + "}");
            assertThat(refused.statusCode()).as(forbidden).isEqualTo(422);
        }
        assertThat(admin.call("POST", "/v1/admin/replays", "{\"topic\":\"" + source + "\",\"target\":\"t2\",\"from\":\"yesterday\"}")
                .statusCode()).isEqualTo(422);
        assertThat(admin.call("POST", "/v1/admin/replays", "{\"topic\":\"no-such-topic\",\"target\":\"t2\"}").statusCode())
                .isEqualTo(404);

        var started = admin.call("POST", "/v1/admin/replays", "{" + window + ",\"dryRun\":false}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String jobId = SigningClient.json(started).get("jobId").asText();
        JsonNode done = Await.value("the replay done", Duration.ofSeconds(60), () -> {
            JsonNode job = call(() -> SigningClient.json(admin.call("GET", "/v1/admin/replays/" + jobId, null)));
            return "RUNNING".equals(job.get("state").asText()) ? null : job;
        });
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("copied").asLong()).isEqualTo(20);
        List<ConsumerRecord<String, byte[]>> copies = readAll(servers, target);
        assertThat(copies).hasSize(20).allSatisfy(copy -> {
            assertThat(copy.key()).startsWith("late-");
            assertThat(copy.partition()).isEqualTo(Integer.parseInt(copy.key().substring(5)) % 2);
            assertThat(new String(copy.headers().lastHeader("eventpipe-replay-of").value(), StandardCharsets.UTF_8))
                    .startsWith(source + "/" + copy.partition() + "/");
        });
        assertThat(admin.call("POST", "/v1/admin/replays", "{" + window + ",\"dryRun\":false}").statusCode())
                .as("never into a topic that holds records").isEqualTo(409);
        assertThat(admin.call("POST", "/v1/admin/replays/" + jobId + "/cancel", null).statusCode()).isEqualTo(409);
        var byOffsets = admin.call("POST", "/v1/admin/replays", "{\"topic\":\"" + source + "\",\"target\":\"other\","
                + "\"offsets\":{\"0\":{\"from\":2,\"to\":7}}}");
        assertThat(SigningClient.json(byOffsets).get("offsets").asLong()).as(byOffsets.body()).isEqualTo(5);
        assertThat(SigningClient.json(admin.call("GET", "/v1/admin/replays", null)).get("replays").get(0).get("jobId").asText())
                .isEqualTo(jobId);
    }

    private static void export(SigningClient admin, String source) throws Exception {
        var export = admin.call("GET", "/v1/admin/topics/" + source + "/export?from=" + LATE.minusSeconds(60), null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("ndjson"));
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(20);
        JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("value").get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(first.get("value").get("eventId").asText()).startsWith("late-");
        assertThat(admin.call("GET", "/v1/admin/topics/" + source + "/export?partition=1&fromOffset=0&limit=3", null).body().lines())
                .hasSize(3);
        assertThat(admin.call("GET", "/v1/admin/topics/" + source + "/export?from=noon", null).statusCode()).isEqualTo(422);
        assertThat(admin.call("GET", "/v1/admin/topics/" + source + "/export?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(admin.unsigned("GET", "/v1/admin/topics/" + source + "/export", null, Map.of()).statusCode()).isEqualTo(401);
    }

    private static void groupReset(TestServers servers, SigningClient admin, String source) throws Exception {
        String group = "analyst-group-" + UUID.randomUUID().toString().substring(0, 6);
        String reset = "{\"topic\":\"" + source + "\",\"to\":\"" + LATE.minusSeconds(60) + "\"";
        try (KafkaConsumer<String, byte[]> member = groupConsumer(servers, group)) {
            member.subscribe(List.of(source));
            Await.until("the group to consume everything", Duration.ofSeconds(30), () -> {
                member.poll(Duration.ofMillis(200));
                member.commitSync();
                return member.assignment().size() == 2 && member.committed(member.assignment()).values().stream()
                        .mapToLong(o -> o == null ? 0 : o.offset()).sum() == 40;
            });
            JsonNode plan = SigningClient.json(admin.call("POST", "/v1/admin/consumer-groups/" + group + "/reset", reset + "}"));
            assertThat(plan.get("dryRun").asBoolean()).isTrue();
            assertThat(plan.get("recordsReadAgain").asLong()).as(plan.toString()).isEqualTo(20);
            var active = admin.call("POST", "/v1/admin/consumer-groups/" + group + "/reset", reset + ",\"dryRun\":false}");
            assertThat(active.statusCode()).as(active.body()).isEqualTo(409);
        }
        var executed = admin.call("POST", "/v1/admin/consumer-groups/" + group + "/reset", reset + ",\"dryRun\":false}");
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(200);
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            var committed = kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            assertThat(committed.get(new TopicPartition(source, 0)).offset() + committed.get(new TopicPartition(source, 1)).offset())
                    .isEqualTo(20);
        }
    }

    /** 20 results timestamped two hours ago (early-*), then 20 one hour ago (late-*), over two partitions by key. */
    private static void produce(TestServers servers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(2), Optional.empty()))).all().get();
        }
        var serializer = new AvroSerializer<EventResult>(new RestSchemaRegistryClient(servers.registry().confluentApiUrl()), true);
        try (KafkaProducer<String, EventResult> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                servers.kafka().bootstrapServers(), "acks", "all"), new StringSerializer(), serializer)) {
            for (String phase : List.of("early", "late")) {
                Instant at = "early".equals(phase) ? EARLY : LATE;
                for (int i = 0; i < 20; i++) {
                    EventResult result = EventResult.newBuilder().setEventId(phase + "-" + i).setStatus(EventStatus.ACCEPTED)
                            .setStage("test").setProducedAt(at).build();
                    producer.send(new ProducerRecord<>(topic, i % 2, at.toEpochMilli(), phase + "-" + i, result)).get();
                }
            }
        }
    }

    private static <T> T call(java.util.concurrent.Callable<T> action) {
        try {
            return action.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean topicExists(TestServers servers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    private static KafkaConsumer<String, byte[]> groupConsumer(TestServers servers, String group) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers(), "group.id", group,
                "auto.offset.reset", "earliest", "enable.auto.commit", "false"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(TestServers servers, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = groupConsumer(servers, "reader-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            Await.until("20 copies in " + topic, Duration.ofSeconds(30), () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= 20;
            });
        }
        return records;
    }
}
