package io.eventpipe.relay.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.testkit.Mutator;
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
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: mutated valid inputs to every relay endpoint. Bodies are signed after mutation, so that
 * they pass authentication and reach the parsers and validators behind it. Never a 5xx; the relay
 * still ready afterwards. -Deventpipe.fuzz.iterations=N (scripts/fuzz.sh) runs longer.
 */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT {

    private static final int ITERATIONS = Mutator.iterations(150);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RelayApp relay;
    private DeviceClient device;
    private String base;
    private String photo;

    @BeforeAll
    void start(TestServers servers, @TempDir Path dir) throws Exception {
        relay = RelayApp.start(new RelayFixture(servers, dir).config("fuzz", Map.of("EVENTPIPE_REPLY_TIMEOUT", "100ms",
                "EVENTPIPE_RATELIMIT_DEVICE_PER_MINUTE", "1000000", "EVENTPIPE_RATELIMIT_DEVICE_BURST", "1000000",
                "EVENTPIPE_RATELIMIT_ADDRESS_PER_MINUTE", "1000000", "EVENTPIPE_RATELIMIT_ADDRESS_BURST", "1000000",
                "EVENTPIPE_RATELIMIT_REGISTRATION_PER_MINUTE", "1000000", "EVENTPIPE_RATELIMIT_REGISTRATION_BURST", "1000000")));
        base = "http://127.0.0.1:" + relay.port();
        device = new DeviceClient(base);
        device.register();
        byte[] bytes = "a small photo".getBytes(StandardCharsets.UTF_8);
        photo = Sha256.hex(bytes);
        assertThat(device.send("PUT", "/v1/media/" + photo, bytes, "image/jpeg", Instant.now()).statusCode()).isEqualTo(201);
    }

    @AfterAll
    void stop() throws Exception {
        relay.close();
    }

    private String event() {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"capturedAt\":\"2026-01-15T10:00:00+02:00\","
                + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},\"annotations\":{\"species\":\"heron\",\"count\":3},"
                + "\"location\":{\"lat\":52.1,\"lon\":4.3,\"accuracyM\":12.5},"
                + "\"media\":[{\"sha256\":\"" + photo + "\",\"contentType\":\"image/jpeg\",\"size\":13}],\"note\":\"by the pond\"}";
    }

    private static void assertNoServerError(HttpResponse<String> response, String input, long seed) {
        assertThat(response.statusCode()).as("seed " + seed + ", input: " + input + "\nanswer: " + response.body()).isLessThan(500);
    }

    @Test
    void mutatedEventsSignedAfterMutationNeverCauseA5xx() throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = 1000 + i;
            byte[] body = new Mutator(seed).mutate(event().getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = device.send("POST", "/v1/events", body, "application/json", Instant.now());
            assertNoServerError(response, new String(body, StandardCharsets.UTF_8), seed);
        }
    }

    @Test
    void mutatedRegistrationsNeverCauseA5xx() throws Exception {
        var keys = Ed25519.generate();
        String valid = new ObjectMapper().createObjectNode().put("challenge", "eyJ2IjoxfQ.c2ln").put("nonce", "12345")
                .put("publicKey", Base64.getEncoder().encodeToString(Ed25519.raw(keys.getPublic())))
                .put("signature", Base64.getEncoder().encodeToString(new byte[64])).toString();
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = 2000 + i;
            String body = new Mutator(seed).mutate(valid);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/devices"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertNoServerError(response, body, seed);
        }
    }

    @Test
    void mutatedSignatureHeadersAndPathsNeverCauseA5xx() throws Exception {
        byte[] body = event().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = 3000 + i;
            Mutator mutator = new Mutator(seed);
            HttpRequest signed = device.signedRequest("POST", "/v1/events", body, "application/json", Instant.now()).build();
            String header = mutator.random().nextBoolean() ? "Signature" : "Signature-Input";
            String mutated = mutator.mutate(signed.headers().firstValue(header).orElseThrow()).replaceAll("[\\r\\n\\x00-\\x1f]", " ");
            HttpRequest.Builder request = HttpRequest.newBuilder(signed.uri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            signed.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(header) && !name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            try {
                request.header(header, mutated);
            } catch (IllegalArgumentException e) {
                continue; // not a header value any client can send
            }
            assertNoServerError(http.send(request.build(), HttpResponse.BodyHandlers.ofString()), header + ": " + mutated, seed);

            String path = "/v1/" + mutator.mutate("events/" + UUID.randomUUID()).replaceAll("[^A-Za-z0-9/._~%-]", "");
            try {
                assertNoServerError(device.send("GET", path, null, null, Instant.now()), "GET " + path, seed);
            } catch (IllegalArgumentException notAUri) {
                // no Java client sends this path: put it on the wire ourselves
                String status = RawHttp.statusLine(relay.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(status).as("seed " + seed + ": GET " + path).matches("HTTP/1\\.1 4\\d\\d.*");
            }
        }
        assertThat(HttpProbe.status(base + "/ready", Duration.ofSeconds(10))).as("ready after the fuzzing").isEqualTo(200);
    }
}
