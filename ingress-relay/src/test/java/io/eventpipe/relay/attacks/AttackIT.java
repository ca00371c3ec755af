package io.eventpipe.relay.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.httpsig.ContentDigest;
import io.eventpipe.common.httpsig.HttpSignatures;
import io.eventpipe.common.httpsig.SignedRequest;
import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.storage.S3Clients;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's attack table against a real relay, the rows other tests do not cover: signature
 * stripping and substitution, path traversal through media keys, header abuse, request smuggling
 * shapes and slow clients. Every refusal is a 4xx, never a 5xx or a hang.
 */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestServers servers;
    private RelayApp relay;
    private DeviceClient device;
    private String base;

    @BeforeAll
    void start(TestServers servers, @TempDir Path dir) throws Exception {
        this.servers = servers;
        relay = RelayApp.start(new RelayFixture(servers, dir).config("attacks", Map.of("EVENTPIPE_REPLY_TIMEOUT", "300ms")));
        base = "http://127.0.0.1:" + relay.port();
        device = new DeviceClient(base);
        device.register();
    }

    @AfterAll
    void stop() throws Exception {
        relay.close();
    }

    private static String event() {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"capturedAt\":\"2026-01-15T10:00:00Z\","
                + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},\"annotations\":{\"species\":\"heron\"},\"media\":[]}";
    }

    private String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error").asText();
    }

    /** POST /v1/events signed over the given components only, with the given key. */
    private HttpRequest.Builder signedOver(List<String> components, java.security.PrivateKey key, byte[] body) {
        URI uri = URI.create(base + "/v1/events");
        Map<String, List<String>> headers = new HashMap<>(Map.of(ContentDigest.HEADER, List.of(ContentDigest.header(body))));
        HttpSignatures.Headers signature = HttpSignatures.sign(SignedRequest.of("POST", uri, headers), components, "sig1",
                device.deviceId(), key, Instant.now());
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header(ContentDigest.HEADER, ContentDigest.header(body))
                .header("Signature-Input", signature.signatureInput()).header("Signature", signature.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void strippedOrSubstitutedSignaturesAreRefused() throws Exception {
        byte[] body = event().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> withoutDigest = http.send(signedOver(HttpSignatures.CONTRACT_COMPONENTS, device.keys().getPrivate(), body)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutDigest.statusCode()).isEqualTo(401);
        assertThat(error(withoutDigest)).isEqualTo("missing_component");

        HttpRequest signed = signedOver(HttpSignatures.CONTRACT_COMPONENTS_WITH_BODY, device.keys().getPrivate(), body).build();
        HttpRequest.Builder stripped = HttpRequest.newBuilder(signed.uri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Signature")) {
                values.forEach(value -> stripped.header(name, value));
            }
        });
        HttpResponse<String> noSignature = http.send(stripped.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noSignature.statusCode()).isEqualTo(401);
        assertThat(error(noSignature)).isIn("missing_signature", "malformed_signature");

        HttpResponse<String> otherKey = http.send(signedOver(HttpSignatures.CONTRACT_COMPONENTS_WITH_BODY,
                Ed25519.generate().getPrivate(), body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherKey.statusCode()).isEqualTo(401);
        assertThat(error(otherKey)).isEqualTo("bad_signature");
    }

    @Test
    void mediaKeysCannotLeaveTheMediaPrefix() throws Exception {
        byte[] photo = "not a photo".getBytes(StandardCharsets.UTF_8);
        List<String> names = List.of("..%2F..%2Fevents%2Fx", "%2e%2e%2fx", "../events/x", "ABCDEF" + "0".repeat(58), "0".repeat(63),
                "0".repeat(65), "g".repeat(64), "%00" + "0".repeat(61));
        for (String name : names) {
            int status;
            try {
                status = device.send("PUT", "/v1/media/" + name, photo, "image/jpeg", Instant.now()).statusCode();
            } catch (IllegalArgumentException e) {
                continue; // the client itself refuses to build this URI: nothing reached the relay
            }
            assertThat(status).as("PUT /v1/media/" + name).isBetween(400, 499);
        }
        // the route "/v1/media/*" also matches "/v1/media": no key at all is a 4xx too, not a 500
        assertThat(device.send("PUT", "/v1/media", photo, "image/jpeg", Instant.now()).statusCode()).isBetween(400, 499);
        assertThat(device.send("GET", "/v1/media", null, null, Instant.now()).statusCode()).isBetween(400, 499);
        try (var s3 = S3Clients.create(servers.s3().endpoint(), "us-east-1", servers.s3().credentials().accessKey(),
                servers.s3().credentials().secretKey())) {
            List<String> keys = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(TestServers.BUCKET)).contents().forEach(o -> keys.add(o.key()));
            assertThat(keys).as("objects written by the attempts").noneMatch(key -> key.contains("..") || key.endsWith("/x"));
        }
    }

    @Test
    void oversizedHeadersAre431() throws Exception {
        String big = "GET /health HTTP/1.1\r\nHost: x\r\nX-Filler: " + "a".repeat(32 * 1024) + "\r\n\r\n";
        assertThat(RawHttp.statusLine(relay.port(), big)).startsWith("HTTP/1.1 431");
        StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 2000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertThat(RawHttp.statusLine(relay.port(), many.append("\r\n").toString())).startsWith("HTTP/1.1 431");
    }

    /**
     * Each ambiguous framing is refused, and the request hidden behind it is never answered: one
     * response on the connection, then it is closed. Parser-level ambiguities are 400; a malformed
     * chunk is refused before its body is read (here 401/415), which leaves nothing to smuggle either.
     */
    @Test
    void requestSmugglingShapesAreRefusedAndTheHiddenRequestIsNeverServed() throws Exception {
        String hidden = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        Map<String, String> shapes = new java.util.LinkedHashMap<>();
        shapes.put("Content-Length with Transfer-Encoding",
                "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        shapes.put("two Content-Lengths", "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\nabcde");
        shapes.put("folded header", "GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n");
        shapes.put("chunked not last", "POST /v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n");
        shapes.put("malformed chunk", "POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            String response;
            try (Socket socket = RawHttp.connect(relay.port())) {
                socket.getOutputStream().write((shape.getValue() + hidden).getBytes(StandardCharsets.ISO_8859_1));
                response = RawHttp.readAll(socket.getInputStream());
            }
            long answers = response.lines().filter(line -> line.startsWith("HTTP/1.1 ")).count();
            assertThat(answers).as(shape.getKey() + ": responses on the connection\n" + response).isEqualTo(1);
            String status = response.substring(0, Math.min(12, response.length()));
            if (shape.getKey().equals("malformed chunk")) {
                assertThat(status).as(shape.getKey()).matches("HTTP/1\\.1 4\\d\\d");
            } else {
                assertThat(status).as(shape.getKey()).isEqualTo("HTTP/1.1 400");
            }
        }
    }

    @Test
    void slowClientsNeitherHoldThreadsNorStayForever() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = RawHttp.connect(relay.port());
                socket.getOutputStream().write("POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Len".getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("served beside 50 half-sent requests").isEqualTo(200);
            Socket first = slow.get(0);
            first.setSoTimeout((int) Duration.ofSeconds(45).toMillis());
            // the idle timeout (30 s) closes the connection: the read ends (-1, or a reset) instead of waiting forever
            String answer = RawHttp.readAll(first.getInputStream());
            assertThat(answer).doesNotContain("HTTP/1.1 2");
            assertThat(first.getInputStream().read()).isEqualTo(-1);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
