package io.eventpipe.common.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.Pem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSignaturesTest {

    // RFC 9421 appendix B.1.4, test-key-ed25519
    private static final String RFC_PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\n"
            + "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n";
    private static final String RFC_PUBLIC_KEY = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
    // RFC 9421 appendix B.2.6
    private static final String B26_INPUT =
            "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\");"
                    + "created=1618884473;keyid=\"test-key-ed25519\"";
    private static final String B26_SIGNATURE =
            "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";
    private static final String B26_BASE = "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n"
            + "\"@method\": POST\n"
            + "\"@path\": /foo\n"
            + "\"@authority\": example.com\n"
            + "\"content-type\": application/json\n"
            + "\"content-length\": 18\n"
            + "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
            + ";created=1618884473;keyid=\"test-key-ed25519\"";
    private static final Instant B26_CREATED = Instant.ofEpochSecond(1618884473);

    private static PublicKey rfcPublicKey() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(RFC_PUBLIC_KEY)));
    }

    private static SignedRequest rfcRequest(Map<String, List<String>> extra) {
        Map<String, List<String>> headers = new HashMap<>(Map.of(
                "Host", List.of("example.com"),
                "Date", List.of("Tue, 20 Apr 2021 02:07:55 GMT"),
                "Content-Type", List.of("application/json"),
                "Content-Length", List.of("18")));
        headers.putAll(extra);
        return SignedRequest.of("POST", URI.create("https://example.com/foo?param=Value&Pet=dog"), headers);
    }

    @Test
    void rfc9421B26SignatureBaseAndSignature() throws Exception {
        var input = StructuredFields.parseDictionary(B26_INPUT).get("sig-b26");
        byte[] base = SignatureBase.build(rfcRequest(Map.of()), input.innerList(),
                StructuredFields.serializeInnerList(input.innerList(), input.parameters()));
        assertThat(new String(base, StandardCharsets.UTF_8)).isEqualTo(B26_BASE);
        // Ed25519 is deterministic: the RFC's key signs the RFC's base into the RFC's signature
        byte[] signature = Ed25519.sign(Pem.privateKey(RFC_PRIVATE_KEY), base);
        assertThat("sig-b26=:" + Base64.getEncoder().encodeToString(signature) + ":").isEqualTo(B26_SIGNATURE);
    }

    @Test
    void rfc9421B26Verifies() throws Exception {
        PublicKey key = rfcPublicKey();
        SignedRequest request = rfcRequest(Map.of("Signature-Input", List.of(B26_INPUT), "Signature", List.of(B26_SIGNATURE)));
        HttpSignatures.Verified verified = HttpSignatures.verify(request, id -> id.equals("test-key-ed25519") ? key : null,
                new HttpSignatures.Policy(List.of("@method", "@authority"), Duration.ofSeconds(300)), B26_CREATED.plusSeconds(10));
        assertThat(verified.keyId()).isEqualTo("test-key-ed25519");
        assertThat(verified.components()).contains("@path", "content-type");
    }

    /** RFC 9530 appendix: the digest of {"hello": "world"}. */
    @Test
    void rfc9530ContentDigest() {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentDigest.header(body)).isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        assertThat(ContentDigest.matches("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
                io.eventpipe.common.crypto.Sha256.digest(body))).isTrue();
        assertThat(ContentDigest.matches("sha-512=:AAAA:", io.eventpipe.common.crypto.Sha256.digest(body))).isFalse();
        assertThat(ContentDigest.matches("garbage", io.eventpipe.common.crypto.Sha256.digest(body))).isFalse();
    }

    private final KeyPair device = Ed25519.generate();
    private final Instant now = Instant.parse("2026-11-24T08:00:00Z");
    private final HttpSignatures.Policy policy =
            new HttpSignatures.Policy(List.of("@method", "@target-uri", "content-digest"), Duration.ofSeconds(300));

    private SignedRequest signed(String method, String uri, byte[] body, Instant created, List<String> components) {
        Map<String, List<String>> headers = new HashMap<>(Map.of("Content-Digest", List.of(ContentDigest.header(body))));
        HttpSignatures.Headers signature = HttpSignatures.sign(SignedRequest.of(method, URI.create(uri), headers), components,
                "sig1", "dev-1", device.getPrivate(), created);
        headers.put("Signature-Input", List.of(signature.signatureInput()));
        headers.put("Signature", List.of(signature.signature()));
        return SignedRequest.of(method, URI.create(uri), headers);
    }

    private HttpSignatures.Verified verify(SignedRequest request) throws SignatureProblem {
        return HttpSignatures.verify(request, id -> id.equals("dev-1") ? device.getPublic() : null, policy, now);
    }

    @Test
    void ownSignaturesRoundTrip() throws Exception {
        SignedRequest request = signed("POST", "http://127.0.0.1:8080/v1/events", new byte[] {1}, now,
                List.of("@method", "@target-uri", "content-digest"));
        assertThat(request.headerValues("signature-input").get(0))
                .startsWith("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=" + now.getEpochSecond()
                        + ";keyid=\"dev-1\";alg=\"ed25519\";nonce=\"");
        SignedRequest again = signed("POST", "http://127.0.0.1:8080/v1/events", new byte[] {1}, now,
                List.of("@method", "@target-uri", "content-digest"));
        assertThat(again.headerValues("signature")).isNotEqualTo(request.headerValues("signature"));
        assertThat(verify(request).keyId()).isEqualTo("dev-1");
    }

    @Test
    void everyTamperingIsRefusedWithItsCode() {
        List<String> all = List.of("@method", "@target-uri", "content-digest");
        SignedRequest good = signed("POST", "http://127.0.0.1:8080/v1/events", new byte[] {1}, now, all);
        SignedRequest otherUri = SignedRequest.of("POST", URI.create("http://127.0.0.1:8080/v1/devices"), headersOf(good));
        SignedRequest otherMethod = SignedRequest.of("PUT", URI.create("http://127.0.0.1:8080/v1/events"), headersOf(good));
        Map<String, List<String>> otherDigest = headersOf(good);
        otherDigest.put("Content-Digest", List.of(ContentDigest.header(new byte[] {2})));

        assertCode(otherUri, "bad_signature");
        assertCode(otherMethod, "bad_signature");
        assertCode(SignedRequest.of("POST", URI.create("http://127.0.0.1:8080/v1/events"), otherDigest), "bad_signature");
        assertCode(signed("POST", "http://127.0.0.1:8080/v1/events", new byte[] {1}, now.minusSeconds(301), all), "stale_signature");
        assertCode(signed("POST", "http://127.0.0.1:8080/v1/events", new byte[] {1}, now.plusSeconds(301), all), "stale_signature");
        assertCode(signed("POST", "http://127.0.0.1:8080/v1/events", new byte[] {1}, now, List.of("@method", "@target-uri")),
                "missing_component");
        assertCode(SignedRequest.of("POST", URI.create("http://x/"), Map.of()), "missing_signature");
        assertCode(SignedRequest.of("POST", URI.create("http://x/"), Map.of("Signature-Input", List.of("sig1=(\"@method\""),
                "Signature", List.of("sig1=:AA==:"))), "malformed_signature");
        Map<String, List<String>> wrongKey = headersOf(good);
        wrongKey.put("Signature-Input", List.of(good.headerValues("signature-input").get(0).replace("dev-1", "dev-2")));
        assertCode(SignedRequest.of("POST", URI.create("http://127.0.0.1:8080/v1/events"), wrongKey), "unknown_key");
    }

    private static Map<String, List<String>> headersOf(SignedRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : List.of("content-digest", "signature-input", "signature")) {
            headers.put(name, request.headerValues(name));
        }
        return headers;
    }

    private void assertCode(SignedRequest request, String code) {
        assertThatThrownBy(() -> verify(request)).isInstanceOfSatisfying(SignatureProblem.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
