package io.eventpipe.common.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.common.crypto.Ed25519;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final List<String> COVERED = List.of("@method", "@target-uri", "content-digest", "content-type");
    private static final HttpSignatures.Policy POLICY = new HttpSignatures.Policy(List.of("@method", "content-digest"),
            Duration.ofSeconds(300));

    private final KeyPair key = Ed25519.generate();

    private SignedRequest signed(String contentType) {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of("Content-Type", List.of(" " + contentType + " "),
                "Content-Digest", List.of(ContentDigest.header(body)), "X-Not-Covered", List.of("anything"));
        SignedRequest unsigned = SignedRequest.of("POST", URI.create("https://relay.example/v1/events"), headers);
        HttpSignatures.Headers signature = HttpSignatures.sign(unsigned, COVERED, "sig1", "device-1", key.getPrivate(), NOW);
        Map<String, List<String>> all = new java.util.HashMap<>(headers);
        all.put("Signature-Input", List.of(signature.signatureInput()));
        all.put("Signature", List.of(signature.signature()));
        return SignedRequest.of("POST", URI.create("https://relay.example/v1/events"), all);
    }

    @Test
    void capturedEvidenceVerifiesWithoutTheOriginalRequest() throws SignatureProblem {
        SignedRequest request = signed("application/json");
        SignatureEvidence evidence = SignatureEvidence.capture(request, COVERED, List.of("device-pem", "relay-pem"));

        assertThat(evidence.headers()).containsOnlyKeys("content-type").containsEntry("content-type", "application/json");
        assertThat(evidence.chainPem()).containsExactly("device-pem", "relay-pem");
        HttpSignatures.Verified verified = HttpSignatures.verify(evidence.asRequest(), id -> key.getPublic(), POLICY, NOW);
        assertThat(verified.keyId()).isEqualTo("device-1");
    }

    @Test
    void anyChangedComponentBreaksTheSignature() {
        SignatureEvidence evidence = SignatureEvidence.capture(signed("application/json"), COVERED, List.of());
        SignatureEvidence otherMethod = new SignatureEvidence("PUT", evidence.targetUri(), evidence.signatureInput(),
                evidence.signature(), evidence.contentDigest(), evidence.headers(), evidence.chainPem());
        SignatureEvidence otherType = new SignatureEvidence(evidence.method(), evidence.targetUri(), evidence.signatureInput(),
                evidence.signature(), evidence.contentDigest(), Map.of("content-type", "text/plain"), evidence.chainPem());
        SignatureEvidence otherDigest = new SignatureEvidence(evidence.method(), evidence.targetUri(), evidence.signatureInput(),
                evidence.signature(), ContentDigest.header(new byte[1]), evidence.headers(), evidence.chainPem());

        for (SignatureEvidence tampered : List.of(otherMethod, otherType, otherDigest)) {
            assertThatThrownBy(() -> HttpSignatures.verify(tampered.asRequest(), id -> key.getPublic(), POLICY, NOW))
                    .isInstanceOf(SignatureProblem.class).hasMessageContaining("does not verify");
        }
    }
}
