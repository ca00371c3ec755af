package io.eventpipe.admin;

import io.eventpipe.common.httpsig.SigningClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.avro.AnchorReceipt;
import io.eventpipe.avro.ChainAnchor;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard backend on the real broker: a filtered live stream (SSE), recent lines and the summary figures. */
@ExtendWith(RealServers.class)
class DashboardIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theStreamCarriesWhatTheFilterMatchesAndTheSummaryCountsIt(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        String relay = "relay-dash-" + UUID.randomUUID().toString().substring(0, 6);
        String rejected = "rej-" + UUID.randomUUID();
        String accepted = "acc-" + UUID.randomUUID();
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(admin.signed("GET",
                    "/v1/admin/dashboard/stream?kind=rejection,receipt&relayId=" + relay + "&backlog=0", null).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            Thread reader = new Thread(() -> stream.body().forEach(lines::add));
            reader.setDaemon(true);
            reader.start();

            Instant received = Instant.now().minusSeconds(2);
            publish(servers, Topics.EVENTS_INCOMING, accepted, EventPackage.newBuilder().setEventId(accepted).setDeviceId("dev-1")
                    .setRelayId(relay).setReceivedAt(received).setEventHash("00".repeat(32)).setContentType("application/json")
                    .setBody(ByteBuffer.wrap("{}".getBytes())).build());
            publish(servers, Topics.EVENTS_RESULTS, accepted, EventResult.newBuilder().setEventId(accepted)
                    .setStatus(EventStatus.ACCEPTED).setStage("validation").setProducedAt(Instant.now()).build());
            publish(servers, Topics.EVENTS_REJECTED, rejected, RejectedEvent.newBuilder().setEventId(rejected).setRelayId(relay)
                    .setRejectedAt(Instant.now()).setReasons(List.of(new RejectionReason("UNKNOWN_LABEL_CONFIG", null, "no such config")))
                    .build());
            publish(servers, Topics.ANCHOR_RECEIPTS, accepted, AnchorReceipt.newBuilder().setVersion(1).setEventId(accepted)
                    .setEventHash("00".repeat(32)).setLeafIndex(0).setTreeSize(1).setAuditPath(List.of()).setRoot("11".repeat(32))
                    .setBatchId("b-1").setAnchor(new ChainAnchor(31337L, "0xc", "0xt", 7L, "0xb")).setConfirmations(0).setFinal$(false)
                    .build());

            Await.until("the rejection on the stream", TIMEOUT, () -> lines.stream().anyMatch(l -> l.contains(rejected)));
            assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo("event: summary"));
            JsonNode item = JSON.readTree(lines.stream().filter(l -> l.startsWith("data: ") && l.contains(rejected)).findFirst()
                    .orElseThrow().substring("data: ".length()));
            assertThat(item.get("kind").asText()).isEqualTo("rejection");
            assertThat(item.get("reasons").get(0).asText()).isEqualTo("UNKNOWN_LABEL_CONFIG");
            assertThat(lines).as("other kinds and relays are filtered out on the server")
                    .noneSatisfy(line -> assertThat(line).contains("\"kind\":\"event\""));

            JsonNode summary = Await.value("the summary to count the anchor latency", TIMEOUT, () -> {
                JsonNode current = get(admin, "/v1/admin/dashboard/summary");
                return current.get("anchorLatencyMs").get("samples").asInt() > 0 ? current : null;
            });
            assertThat(summary.get("relays").get(relay).get("events").asLong()).isEqualTo(1);
            assertThat(summary.get("rejectionsByReason").get("UNKNOWN_LABEL_CONFIG").asLong()).isPositive();
            assertThat(summary.get("resultsByStatus").get("ACCEPTED").asLong()).isPositive();
            assertThat(summary.get("anchorLatencyMs").get("max").asLong()).isGreaterThanOrEqualTo(1000);
            assertThat(summary.get("viewers").asInt()).isEqualTo(1);
            JsonNode recent = get(admin, "/v1/admin/dashboard/events?eventId=" + accepted);
            assertThat(recent.get("events")).extracting(e -> e.get("kind").asText()).contains("event", "result", "receipt");

            assertThat(admin.unsigned("GET", "/v1/admin/dashboard/stream", null, Map.of()).statusCode()).isEqualTo(401);
            assertThat(admin.call("GET", "/v1/admin/dashboard/events?kind=everything", null).statusCode()).isEqualTo(400);
            assertThat(admin.call("GET", "/v1/admin/dashboard/events?limit=-1", null).statusCode()).isEqualTo(400);
            assertThat(admin.call("POST", "/v1/admin/dashboard/summary", "{}").statusCode()).isEqualTo(405);
        }
    }

    private static JsonNode get(SigningClient admin, String path) {
        try {
            return SigningClient.json(admin.call("GET", path, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <V extends SpecificRecord> void publish(TestServers servers, Topic<V> topic, String key, V value) throws Exception {
        var registry = new RestSchemaRegistryClient(servers.registry().confluentApiUrl());
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()),
                new StringSerializer(), topic.valueSerde(registry).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }
}
