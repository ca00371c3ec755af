package io.eventpipe.common.httpsig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.common.pki.Pem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP client that signs every request with RFC 9421 as the services expect it (keyid, Ed25519,
 * @method, @target-uri, Content-Digest with a body; a fresh signature each time: each is accepted
 * once). As an admin: the credentials file the bootstrap writes (adminId, privateKey). Used by the
 * ./eventpipe CLI and the tests.
 */
public final class SigningClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String keyId;
    private final PrivateKey key;

    public SigningClient(String baseUrl, String keyId, PrivateKey key) {
        this.baseUrl = baseUrl;
        this.keyId = keyId;
        this.key = key;
    }

    public static SigningClient fromAdminCredentials(String baseUrl, Path file) throws Exception {
        JsonNode credentials = JSON.readTree(Files.readString(file));
        return new SigningClient(baseUrl, credentials.get("adminId").asText(), Pem.privateKey(credentials.get("privateKey").asText()));
    }

    public String keyId() {
        return keyId;
    }

    public PrivateKey key() {
        return key;
    }

    /** A signed request (body JSON or null), not yet sent: tests alter it before sending. */
    public HttpRequest.Builder signed(String method, String path, String json) {
        return signed(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), json == null ? null : "application/json",
                Instant.now());
    }

    /** A request signed as created at that time (tests of skew), over its body when there is one. */
    public HttpRequest.Builder signed(String method, String path, byte[] body, String contentType, Instant created) {
        URI uri = URI.create(baseUrl + path);
        Map<String, List<String>> headers = new HashMap<>();
        List<String> components = new ArrayList<>(HttpSignatures.CONTRACT_COMPONENTS);
        if (body != null) {
            headers.put(ContentDigest.HEADER, List.of(ContentDigest.header(body)));
            components.add(ContentDigest.HEADER);
        }
        HttpSignatures.Headers signature = HttpSignatures.sign(SignedRequest.of(method, uri, headers), components, "sig1", keyId, key,
                created);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Signature-Input", signature.signatureInput()).header("Signature", signature.signature())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> call(String method, String path, String json) throws Exception {
        return send(signed(method, path, json));
    }

    /** A signed GET whose answer is read as it comes (exports, the dashboard stream). */
    public HttpResponse<java.io.InputStream> stream(String path) throws Exception {
        return HTTP.send(signed("GET", path, null).timeout(Duration.ofHours(1)).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    public HttpResponse<String> unsigned(String method, String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    public static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
