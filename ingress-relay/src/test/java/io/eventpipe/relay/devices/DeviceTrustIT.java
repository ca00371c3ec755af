package io.eventpipe.relay.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.relay.pow.Challenge;
import io.eventpipe.relay.pow.ChallengeCodec;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.DeviceClient;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestPki;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT 2.1 to 2.3 against two relay instances sharing the real Kafka and Redis. */
@ExtendWith(RealServers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceTrustIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private RelayFixture fixture;
    private RelayApp first;
    private RelayApp second;
    private String firstUrl;
    private String secondUrl;

    @BeforeAll
    void start(TestServers servers, @TempDir Path dir) throws Exception {
        fixture = new RelayFixture(servers, dir);
        Map<String, String> quick = Map.of("EVENTPIPE_REPLY_TIMEOUT", "300ms");
        first = RelayApp.start(fixture.config("trust-1", quick));
        second = RelayApp.start(fixture.config("trust-2", quick));
        firstUrl = "http://127.0.0.1:" + first.port();
        secondUrl = "http://127.0.0.1:" + second.port();
    }

    @AfterAll
    void stop() throws Exception {
        first.close();
        second.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).isEqualTo(code);
    }

    private HttpResponse<String> postDevices(String url, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + "/v1/devices")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registrationGivesAChainThatEndsAtTheRoot() throws Exception {
        DeviceClient device = new DeviceClient(firstUrl);
        JsonNode registration = device.register();
        assertThat(registration.get("deviceId").asText()).startsWith("dev-");
        assertThat(registration.get("certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(registration.get("chain")).hasSize(2);
        Instant expiresAt = Instant.parse(registration.get("expiresAt").asText());
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(13)));
        // registering the same key again renews the certificate and keeps the device id
        assertThat(new DeviceClient(secondUrl, device.keys()).register().get("deviceId").asText()).isEqualTo(device.deviceId());
    }

    @Test
    void aChallengeSolvedOnOneRelayIsRefusedByTheOther() throws Exception {
        DeviceClient device = new DeviceClient(firstUrl);
        Solved solved = solve(device);

        assertThat(device.registerWith(solved.token(), solved.nonce(), solved.publicKey(), solved.proof()).statusCode()).isEqualTo(201);
        assertError(new DeviceClient(secondUrl).registerWith(solved.token(), solved.nonce(), solved.publicKey(), solved.proof()),
                409, "challenge_reused");
    }

    @Test
    void badRegistrationsAreRefusedWithoutBurningTheChallenge() throws Exception {
        DeviceClient device = new DeviceClient(firstUrl);
        Solved solved = solve(device);
        String token = solved.token();
        String nonce = solved.nonce();
        byte[] publicKey = solved.publicKey();
        byte[] goodProof = solved.proof();
        KeyPair stranger = Ed25519.generate();

        assertError(device.registerWith(token, nonce, publicKey,
                Ed25519.sign(stranger.getPrivate(), token.getBytes(StandardCharsets.UTF_8))), 401, "bad_proof_of_possession");
        assertError(device.registerWith(token, DeviceClient.nonceBelow(token, solved.difficulty()), publicKey, goodProof),
                401, "insufficient_work");
        assertError(device.registerWith(token + "x", nonce, publicKey, goodProof), 401, "invalid_challenge");
        assertError(device.registerWith(token, nonce, new byte[31], goodProof), 400, "invalid_request");
        assertError(postDevices(firstUrl, "application/json", "{\"challenge\": "), 400, "malformed_json");
        assertError(postDevices(firstUrl, "application/json", "{\"challenge\": 1}"), 400, "invalid_request");
        assertError(postDevices(firstUrl, "text/plain", "{}"), 415, "unsupported_media_type");
        assertError(postDevices(firstUrl, "application/json", "{\"pad\": \"" + "x".repeat(20_000) + "\"}"), 413, "too_large");

        assertThat(device.registerWith(token, nonce, publicKey, goodProof).statusCode()).isEqualTo(201);
    }

    @Test
    void expiredChallengesAreRefused() throws Exception {
        Challenge expired = new ChallengeCodec(Hex.decode(RelayFixture.POW_SECRET)).issue(0, Instant.now().minusSeconds(1));
        DeviceClient device = new DeviceClient(firstUrl);
        assertError(device.registerWith(expired.token(), "0", Ed25519.raw(device.keys().getPublic()),
                Ed25519.sign(device.keys().getPrivate(), expired.token().getBytes(StandardCharsets.UTF_8))), 401, "challenge_expired");
    }

    @Test
    void signedRequestsAreCheckedOnEveryRelay() throws Exception {
        DeviceClient device = new DeviceClient(firstUrl);
        device.register();
        byte[] body = event().getBytes(StandardCharsets.UTF_8);

        HttpRequest once = device.signedRequest("POST", "/v1/events", body, "application/json", Instant.now()).build();
        assertThat(http.send(once, HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(200, 202);
        assertError(http.send(once, HttpResponse.BodyHandlers.ofString()), 409, "replayed_signature");

        assertError(device.send("POST", "/v1/events", body, "application/json", Instant.now().minusSeconds(400)),
                401, "stale_signature");
        HttpRequest tampered = device.signedRequest("POST", "/v1/events", body, "application/json", Instant.now())
                .POST(HttpRequest.BodyPublishers.ofString(event())).build();
        assertError(http.send(tampered, HttpResponse.BodyHandlers.ofString()), 401, "digest_mismatch");
        HttpRequest unsigned = HttpRequest.newBuilder(URI.create(firstUrl + "/v1/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        assertError(http.send(unsigned, HttpResponse.BodyHandlers.ofString()), 401, "missing_signature");

        DeviceClient unknown = new DeviceClient(secondUrl).presentingAs(secondUrl, "dev-00000000000000000000000000000000");
        assertError(unknown.postEvent(event()), 401, "unknown_device");
    }

    @Test
    void aDeviceOfAnotherRootIsNotTrusted(@TempDir Path dir) throws Exception {
        TestPki foreign = TestPki.create(dir, "relay-foreign");
        Map<String, String> foreignPki = Map.of("EVENTPIPE_PKI_DIR", foreign.relayDir().toString());
        try (RelayApp elsewhere = RelayApp.start(fixture.config("foreign", foreignPki))) {
            DeviceClient device = new DeviceClient("http://127.0.0.1:" + elsewhere.port());
            device.register();
            assertError(device.presentingAs(firstUrl, device.deviceId()).postEvent(event()), 401, "untrusted_certificate");
        }
    }

    /** Revocation of a device (the record admin-service writes): refused at once on every relay, and cannot re-register. */
    @Test
    void aRevokedDeviceIsRefusedEverywhere(TestServers servers) throws Exception {
        DeviceClient device = new DeviceClient(firstUrl);
        device.register();
        assertThat(device.send("GET", "/v1/events/" + UUID.randomUUID(), null, null, Instant.now()).statusCode()).isEqualTo(404);
        try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis("127.0.0.1", servers.redis().port())) {
            jedis.set("eventpipe:device-revoked:" + device.deviceId(), "lost phone");
        }
        assertError(device.presentingAs(secondUrl, device.deviceId()).send("GET", "/v1/events/" + UUID.randomUUID(), null, null,
                Instant.now()), 403, "revoked_certificate");
        Solved solved = solve(device);
        assertError(device.registerWith(solved.token(), solved.nonce(), solved.publicKey(), solved.proof()), 403, "device_revoked");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        Map<String, String> oneSecond = Map.of("EVENTPIPE_DEVICE_CERTIFICATE_VALIDITY", "1s");
        try (RelayApp shortLived = RelayApp.start(fixture.config("short", oneSecond))) {
            DeviceClient device = new DeviceClient("http://127.0.0.1:" + shortLived.port());
            Instant expiresAt = Instant.parse(device.register().get("expiresAt").asText());
            Await.until("the device certificate to expire", Duration.ofSeconds(10),
                    () -> Instant.now().isAfter(expiresAt.plusMillis(100)));
            HttpResponse<String> response = device.postEvent(event());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(json(response).get("error").asText()).isIn("certificate_expired", "unknown_device");
        }
    }

    /** A fresh challenge solved by the device, with its proof of possession. */
    private record Solved(String token, int difficulty, String nonce, byte[] publicKey, byte[] proof) {
    }

    private static Solved solve(DeviceClient device) throws Exception {
        JsonNode challenge = device.challenge();
        String token = challenge.get("challenge").asText();
        int difficulty = challenge.get("difficulty").asInt();
        return new Solved(token, difficulty, DeviceClient.solve(token, difficulty), Ed25519.raw(device.keys().getPublic()),
                Ed25519.sign(device.keys().getPrivate(), token.getBytes(StandardCharsets.UTF_8)));
    }

    private static String event() {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"capturedAt\":\"2026-01-15T08:00:00Z\","
                + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},\"annotations\":{},\"media\":[]}";
    }

}
