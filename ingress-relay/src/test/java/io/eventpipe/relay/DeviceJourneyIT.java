package io.eventpipe.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.processors.ProcessorsApp;
import io.eventpipe.processors.config.ProcessorsConfig;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device's whole journey as CONTRACT 2 tells it, on the real servers: challenge, registration,
 * media upload, event submission with its hash (verified again by the processors from the
 * relay's signature evidence), and the event read back once archived.
 */
@ExtendWith(RealServers.class)
class DeviceJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void registerUploadSubmitAndReadBack(TestServers servers, @TempDir Path dir) throws Exception {
        RelayFixture fixture = new RelayFixture(servers, dir);
        ProcessorsConfig processorsConfig = fixture.processorsConfig("validator-journey", dir.resolve("streams"));
        try (ProcessorsApp processors = new ProcessorsApp(processorsConfig);
             RelayApp relay = RelayApp.start(fixture.config("journey", Map.of("EVENTPIPE_REPLY_TIMEOUT", "30s")))) {
            processors.start();
            DeviceClient device = new DeviceClient("http://127.0.0.1:" + relay.port());
            JsonNode registration = device.register();
            assertThat(registration.get("deviceId").asText()).isEqualTo(device.deviceId());

            byte[] photo = new byte[300_000];
            new Random(42).nextBytes(photo);
            String sha256 = Sha256.hex(photo);
            assertThat(device.send("PUT", "/v1/media/" + sha256, photo, "image/jpeg", Instant.now()).statusCode()).isEqualTo(201);

            String eventId = UUID.randomUUID().toString();
            String event = "{\"eventId\": \"" + eventId + "\", \"capturedAt\": \"2026-01-15T09:30:00+01:00\","
                    + " \"labelConfig\": {\"id\": \"field-observation\", \"version\": 1},"
                    + " \"annotations\": {\"species\": \"otter\", \"count\": 3, \"confirmed\": true},"
                    + " \"location\": {\"lat\": 52.52, \"lon\": 13.405, \"accuracyM\": 6.5},"
                    + " \"media\": [{\"sha256\": \"" + sha256 + "\", \"contentType\": \"image/jpeg\", \"size\": 300000}],"
                    + " \"note\": \"by the bridge\"}";
            String expectedHash = Sha256.hex(Jcs.canonicalize(event.getBytes(StandardCharsets.UTF_8)));

            HttpResponse<String> submitted = device.postEvent(event);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(submitted.body());
            assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(answer.get("eventHash").asText()).isEqualTo(expectedHash);

            // the archive stores it: the status moves on to STORED with the object's location
            JsonNode record = Await.value("the event to be STORED", Duration.ofSeconds(60), () -> {
                try {
                    HttpResponse<String> status = device.send("GET", answer.get("statusUrl").asText(), null, null, Instant.now());
                    assertThat(status.statusCode()).isEqualTo(200);
                    JsonNode current = JSON.readTree(status.body());
                    return "STORED".equals(current.get("status").asText()) ? current : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(record.get("eventId").asText()).isEqualTo(eventId);
            assertThat(record.get("eventHash").asText()).isEqualTo(expectedHash);
            String key = record.get("storage").get("key").asText();
            assertThat(key).matches("events/\\d{4}/\\d{2}/\\d{2}/" + eventId + "\\.json");
            try (var s3 = servers.s3().newClient()) {
                byte[] archived = s3.getObjectAsBytes(b -> b.bucket(TestServers.BUCKET).key(key)).asByteArray();
                assertThat(Sha256.hex(archived)).isEqualTo(expectedHash);
            }
        }
    }
}
