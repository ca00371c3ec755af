package io.eventpipe.relay.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** CONTRACT 2.4: media streamed to the real S3 store, content-addressed, and cited by events. */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestServers servers;
    private RelayApp relay;
    private DeviceClient device;

    @BeforeAll
    void start(TestServers servers, @TempDir Path dir) throws Exception {
        this.servers = servers;
        relay = RelayApp.start(new RelayFixture(servers, dir).config("media", Map.of("EVENTPIPE_REPLY_TIMEOUT", "300ms")));
        device = new DeviceClient("http://127.0.0.1:" + relay.port());
        device.register();
    }

    @AfterAll
    void stop() throws Exception {
        relay.close();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private HttpResponse<String> put(String sha256, byte[] body, String type) throws Exception {
        return device.send("PUT", "/v1/media/" + sha256, body, type, Instant.now());
    }

    private boolean stored(String sha256) {
        try (S3Client s3 = servers.s3().newClient()) {
            return s3.listObjectsV2(b -> b.bucket(TestServers.BUCKET).prefix("media/" + sha256)).keyCount() > 0;
        }
    }

    @Test
    void smallAndLargeMediaAreStoredUnderTheirDigestOnce() throws Exception {
        for (int size : new int[] {1234, 25 * 1024 * 1024}) {
            byte[] data = bytes(size, size);
            String sha256 = Sha256.hex(data);
            HttpResponse<String> created = put(sha256, data, "image/jpeg");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(JSON.readTree(created.body()).get("size").asLong()).isEqualTo(size);
            assertThat(put(sha256, data, "image/jpeg").statusCode()).isEqualTo(200);
            try (S3Client s3 = servers.s3().newClient()) {
                byte[] back = s3.getObjectAsBytes(b -> b.bucket(TestServers.BUCKET).key("media/" + sha256)).asByteArray();
                assertThat(Sha256.hex(back)).isEqualTo(sha256);
            }
        }
    }

    @Test
    void bytesThatDoNotHashToTheNameLeaveNothingBehind() throws Exception {
        for (int size : new int[] {100, 6 * 1024 * 1024}) {
            byte[] data = bytes(size, 7);
            String claimed = Sha256.hex(bytes(size, 8));
            // the signature vouches for the claimed digest, the bytes are other ones
            HttpRequest lie = device.signedRequest("PUT", "/v1/media/" + claimed, bytes(size, 8), "image/png", Instant.now())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build();
            HttpResponse<String> response = http.send(lie, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("media_hash_mismatch");
            assertThat(stored(claimed)).isFalse();
        }
    }

    @Test
    void badUploadsGetTheirCodes() throws Exception {
        byte[] data = bytes(10, 1);
        String sha256 = Sha256.hex(data);
        assertThat(put(sha256, data, "text/html").statusCode()).isEqualTo(415);
        assertThat(put("ABC", data, "image/png").statusCode()).isEqualTo(404);
        assertThat(put(Sha256.hex(bytes(10, 2)), data, "image/png").statusCode()).isEqualTo(422);
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + relay.port() + "/v1/media/" + sha256))
                .header("Content-Type", "image/png").PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        byte[] tooBig = bytes(26 * 1024 * 1024, 3);
        assertThat(put(Sha256.hex(tooBig), tooBig, "video/mp4").statusCode()).isEqualTo(413);
        assertThat(stored(Hex.encode(Sha256.digest(tooBig)))).isFalse();
    }

    @Test
    void eventsMayOnlyCiteUploadedMedia() throws Exception {
        byte[] data = bytes(2048, 11);
        String sha256 = Sha256.hex(data);
        String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"capturedAt\":\"2026-01-15T08:00:00Z\","
                + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},\"annotations\":{},"
                + "\"media\":[{\"sha256\":\"" + sha256 + "\",\"contentType\":\"image/jpeg\",\"size\":2048}]}";
        HttpResponse<String> before = device.postEvent(event);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(422);
        assertThat(JSON.readTree(before.body()).get("error").asText()).isEqualTo("media_missing");

        assertThat(put(sha256, data, "image/jpeg").statusCode()).isEqualTo(201);
        assertThat(device.postEvent(event).statusCode()).isIn(200, 202);
        assertThat(device.postEvent(event.replace("\"size\":2048", "\"size\":2049")).statusCode()).isEqualTo(422);
    }
}
