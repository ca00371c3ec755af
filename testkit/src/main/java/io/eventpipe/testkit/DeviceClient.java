package io.eventpipe.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.httpsig.SigningClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A device as CONTRACT 2 describes it, for integration tests: an Ed25519 key, registration with
 * a solved proof-of-work challenge, and RFC 9421 signed requests with a Content-Digest.
 */
public final class DeviceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final KeyPair keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String deviceId;
    private JsonNode registration;

    public DeviceClient(String baseUrl) {
        this(baseUrl, Ed25519.generate());
    }

    public DeviceClient(String baseUrl, KeyPair keys) {
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    public String deviceId() {
        return deviceId;
    }

    /** The same key at another relay, signing as the given device id (for tests of unknown or foreign devices). */
    public DeviceClient presentingAs(String otherBaseUrl, String id) {
        DeviceClient client = new DeviceClient(otherBaseUrl, keys);
        client.deviceId = id;
        return client;
    }

    public JsonNode registration() {
        return registration;
    }

    public KeyPair keys() {
        return keys;
    }

    public JsonNode challenge() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/challenge")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/challenge answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Searches the nonce of CONTRACT 2.1 as a device's Web Worker does. */
    public static String solve(String challenge, int difficulty) {
        for (long nonce = 0; ; nonce++) {
            byte[] digest = Sha256.digest((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            if (leadingZeroBits(digest) >= difficulty) {
                return Long.toString(nonce);
            }
        }
    }

    /** The first nonce that does not solve the challenge: for tests of refused work. */
    public static String nonceBelow(String challenge, int difficulty) {
        for (long nonce = 0; ; nonce++) {
            if (leadingZeroBits(Sha256.digest((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8))) < difficulty) {
                return Long.toString(nonce);
            }
        }
    }

    private static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b != 0) {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
            bits += 8;
        }
        return bits;
    }

    /** Registers (or renews) the device; fails unless the relay answers 201. */
    public JsonNode register() throws IOException, InterruptedException {
        HttpResponse<String> response = tryRegister();
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /v1/devices answered " + response.statusCode() + ": " + response.body());
        }
        registration = JSON.readTree(response.body());
        deviceId = registration.get("deviceId").asText();
        return registration;
    }

    /** A challenge solved and a registration sent, whatever the answer. */
    public HttpResponse<String> tryRegister() throws IOException, InterruptedException {
        JsonNode challenge = challenge();
        String token = challenge.get("challenge").asText();
        return registerWith(token, solve(token, challenge.get("difficulty").asInt()),
                Ed25519.raw(keys.getPublic()), Ed25519.sign(keys.getPrivate(), token.getBytes(StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> registerWith(String challenge, String nonce, byte[] publicKey, byte[] signature)
            throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("challenge", challenge).put("nonce", nonce)
                .put("publicKey", Base64.getEncoder().encodeToString(publicKey))
                .put("signature", Base64.getEncoder().encodeToString(signature)).toString();
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/devices")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postEvent(String json) throws IOException, InterruptedException {
        return send("POST", "/v1/events", json.getBytes(StandardCharsets.UTF_8), "application/json", Instant.now());
    }

    /** A request signed now over @method, @target-uri and, with a body, content-digest. */
    public HttpResponse<String> send(String method, String path, byte[] body, String contentType, Instant created)
            throws IOException, InterruptedException {
        return http.send(signedRequest(method, path, body, contentType, created).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The signed request, for tests that change it before sending (tampering, replay). */
    public HttpRequest.Builder signedRequest(String method, String path, byte[] body, String contentType, Instant created) {
        return new SigningClient(baseUrl, deviceId, keys.getPrivate()).signed(method, path, body, contentType, created);
    }
}
