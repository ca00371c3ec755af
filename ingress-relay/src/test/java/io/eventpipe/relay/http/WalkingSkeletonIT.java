package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.avro.EventResult;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.processors.ProcessorsApp;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.relay.config.RelayConfig;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.ReplyHeaders;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton on the real broker and registry: HTTP → events.incoming → validation
 * topology → events.results → the relay instance holding the request.
 */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestServers servers;
    private SchemaRegistryClient registry;
    private ProcessorsConfig processorsConfig;
    private ProcessorsApp processors;
    private RelayApp relay;
    private RelayConfig relayConfig;
    private RelayFixture fixture;
    private DeviceClient device;

    @BeforeAll
    void startPipeline(TestServers servers, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        this.servers = servers;
        fixture = new RelayFixture(servers, dir);
        registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
        processorsConfig = fixture.processorsConfig("validator-it", dir.resolve("streams"));
        processors = new ProcessorsApp(processorsConfig);
        processors.start();
        relayConfig = fixture.config("relay-it@test", Map.of("EVENTPIPE_REPLY_PARTITION", "4", "EVENTPIPE_REPLY_TIMEOUT", "20s"));
        relay = RelayApp.start(relayConfig);
        device = new DeviceClient("http://127.0.0.1:" + relay.port());
        device.register();
    }

    @AfterAll
    void stopPipeline() throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (processors != null) {
            processors.close();
        }
    }

    static String event(String eventId) {
        return "{ \"eventId\": \"" + eventId + "\", \"capturedAt\": \"2026-01-15T08:15:30Z\","
                + " \"labelConfig\": {\"version\": 1, \"id\": \"field-observation\"},"
                + " \"annotations\": {\"species\": \"otter\", \"count\": 2.0},"
                + " \"media\": [], \"note\": \"caf\u00e9\" }";
    }

    /** The hash as the contract defines it, computed from the canonical text written out by hand. */
    static String expectedHash(String eventId) {
        String jcs = "{\"annotations\":{\"count\":2,\"species\":\"otter\"},\"capturedAt\":\"2026-01-15T08:15:30Z\","
                + "\"eventId\":\"" + eventId + "\",\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},"
                + "\"media\":[],\"note\":\"caf\u00e9\"}";
        return Sha256.hex(jcs.getBytes(StandardCharsets.UTF_8));
    }

    /** A signed request, as a registered device sends it. */
    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return device.send("POST", "/v1/events", body, contentType, Instant.now());
    }

    /** An unsigned request. */
    private HttpResponse<String> postUnsigned(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + "/v1/events"))
                .timeout(Duration.ofSeconds(30)).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String json) throws Exception {
        return post("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JsonResponses.JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void validEventIsAcceptedWithTheContractHashOnTheRelaysReplyPartition() throws Exception {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> response = postJson(event(eventId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.get("eventHash").asText()).isEqualTo(expectedHash(eventId));
        assertThat(answer.get("statusUrl").asText()).isEqualTo("/v1/events/" + eventId);

        ConsumerRecord<String, EventResult> result = findResult(eventId);
        assertThat(result.partition()).isEqualTo(4);
        assertThat(result.value().getEventHash()).isEqualTo(expectedHash(eventId));
        assertThat(result.value().getDeviceId()).isEqualTo(device.deviceId());
        // the correlation id travels from the request to its result
        assertThat(new String(result.headers().lastHeader(ReplyHeaders.CORRELATION_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(eventId);
    }

    /** CONTRACT 2.5: the same eventId and body again gets the same answer, and nothing twice downstream. */
    @Test
    @Order(2)
    void resendingIsIdempotentAndAnotherBodyIsAConflict() throws Exception {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> first = postJson(event(eventId));
        HttpResponse<String> again = postJson(event(eventId));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("eventHash")).isEqualTo(json(first).get("eventHash"));
        assertThat(json(again).get("status").asText()).isEqualTo("ACCEPTED");

        HttpResponse<String> conflict = postJson(event(eventId).replace("otter", "beaver"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).get("error").asText()).isEqualTo("event_conflict");
        assertThat(countIncoming(eventId)).isEqualTo(1);
    }

    /** GET /v1/events/{id}: the owner sees status and hash, on any relay; another device sees nothing. */
    @Test
    @Order(2)
    void statusIsForTheOwnerOnly() throws Exception {
        String eventId = UUID.randomUUID().toString();
        assertThat(postJson(event(eventId)).statusCode()).isEqualTo(200);

        HttpResponse<String> status = device.send("GET", "/v1/events/" + eventId, null, null, Instant.now());
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(json(status).get("status").asText()).isIn("ACCEPTED", "STORED", "ANCHORED", "FINAL");
        assertThat(json(status).get("eventHash").asText()).isEqualTo(expectedHash(eventId));
        assertThat(json(status).has("storage")).isTrue();
        assertThat(json(status).get("receipt").isNull()).isTrue();

        DeviceClient other = new DeviceClient("http://127.0.0.1:" + relay.port());
        other.register();
        assertThat(other.send("GET", "/v1/events/" + eventId, null, null, Instant.now()).statusCode()).isEqualTo(404);
        assertThat(device.send("GET", "/v1/events/" + UUID.randomUUID(), null, null, Instant.now()).statusCode()).isEqualTo(404);
        assertThat(device.send("GET", "/v1/events/../../etc/passwd", null, null, Instant.now()).statusCode()).isEqualTo(404);
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + relay.port() + "/v1/events/" + eventId)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void semanticallyInvalidEventIsRejectedWithItsReason() throws Exception {
        String eventId = UUID.randomUUID().toString();
        HttpResponse<String> response = postJson(event(eventId).replace("2026-01-15T08:15:30Z", "2999-01-01T00:00:00Z"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.get("reasons").get(0).get("code").asText()).isEqualTo("CAPTURED_IN_FUTURE");
    }

    @Test
    @Order(3)
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = postJson("{\"eventId\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("malformed_json");
    }

    @Test
    @Order(3)
    void wrongTypesAndMissingFieldsAre400WithEveryViolation() throws Exception {
        HttpResponse<String> response = postJson("{\"eventId\": 7, \"media\": \"none\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = json(response);
        assertThat(answer.get("error").asText()).isEqualTo("invalid_event");
        List<String> fields = new ArrayList<>();
        answer.get("violations").forEach(v -> fields.add(v.get("field").asText()));
        assertThat(fields).contains("/eventId", "/media", "/capturedAt", "/labelConfig", "/annotations");
    }

    @Test
    @Order(3)
    void tenMegabyteBodyIs413() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> response = postUnsigned("application/json", HttpRequest.BodyPublishers.ofByteArray(big));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).isEqualTo("too_large");
    }

    @Test
    @Order(3)
    void oversizedChunkedBodyIs413() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        List<byte[]> chunks = java.util.Collections.nCopies(40, chunk);
        HttpResponse<String> response = postUnsigned("application/json", HttpRequest.BodyPublishers.ofByteArrays(chunks));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    @Order(3)
    void wrongOrMissingContentTypeIs415() throws Exception {
        assertThat(post("text/plain", event(UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(415);
        HttpResponse<String> response = post(null, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("error").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    @Order(3)
    void unknownRoutesAndMethodsAreJsonErrors() throws Exception {
        HttpResponse<String> notFound = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + relay.port() + "/v1/nothing-here")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(json(notFound).get("error").asText()).isEqualTo("not_found");
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + relay.port() + "/v1/events")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    @Order(3)
    void healthAndReadiness() throws Exception {
        for (String path : List.of("/health", "/ready")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + relay.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("status").asText()).isEqualTo("UP");
        }
    }

    /** With the processors stopped the relay answers 202; the event is not lost and gets its result later. */
    @Test
    @Order(10)
    void whileProcessorsAreDownTheAnswerIsPendingAndTheEventIsProcessedLater() throws Exception {
        processors.close();
        RelayConfig impatient = fixture.config("relay-it@impatient",
                Map.of("EVENTPIPE_REPLY_PARTITION", "5", "EVENTPIPE_REPLY_TIMEOUT", "500ms"));
        String eventId = UUID.randomUUID().toString();
        try (RelayApp second = RelayApp.start(impatient)) {
            // the same device, registered on the first relay, is known to the second one (shared state)
            DeviceClient sameDevice = new DeviceClient("http://127.0.0.1:" + second.port(), device.keys());
            sameDevice.register();
            HttpResponse<String> response = sameDevice.postEvent(event(eventId));
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(json(response).get("status").asText()).isEqualTo("PENDING");
            assertThat(json(response).get("eventHash").asText()).isEqualTo(expectedHash(eventId));
        }
        processors = new ProcessorsApp(processorsConfig);
        processors.start();
        ConsumerRecord<String, EventResult> result = findResult(eventId);
        assertThat(result.value().getStatus().name()).isEqualTo("ACCEPTED");
        assertThat(result.partition()).isEqualTo(5);
        // the late verdict reaches the status any relay answers with, though no request waited for it
        Await.until("the status of " + eventId + " to leave PENDING", Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> status = device.send("GET", "/v1/events/" + eventId, null, null, Instant.now());
                return status.statusCode() == 200 && !json(status).get("status").asText().equals("PENDING");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** How many records events.incoming holds for the event, read to its current end. */
    private long countIncoming(String eventId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", servers.kafka().bootstrapServers()), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS_INCOMING.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader(ReplyHeaders.CORRELATION_ID);
                    if (header != null && new String(header.value(), StandardCharsets.UTF_8).equals(eventId)) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /** Reads events.results from the start until the event's result shows up. */
    private ConsumerRecord<String, EventResult> findResult(String eventId) {
        try (KafkaConsumer<String, EventResult> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", servers.kafka().bootstrapServers(), "isolation.level", "read_committed"),
                Serdes.String().deserializer(), Topics.EVENTS_RESULTS.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS_RESULTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return Await.value("result of " + eventId, Duration.ofSeconds(60), () -> {
                for (ConsumerRecord<String, EventResult> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(eventId)) {
                        return record;
                    }
                }
                return null;
            });
        }
    }
}
