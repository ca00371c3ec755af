package io.eventpipe.common.httpsig;

import io.eventpipe.common.crypto.Ed25519;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * RFC 9421 HTTP Message Signatures with Ed25519, as CONTRACT 2.3 uses them: signing (for
 * clients, the CLI and tests) and verification with a clock-skew window and required components.
 */
public final class HttpSignatures {

    public static final String SIGNATURE_INPUT = "signature-input";
    public static final String SIGNATURE = "signature";
    public static final String ALGORITHM = "ed25519";
    /** CONTRACT 2.3: what a device signature covers at least, without and with a body, and the clock skew allowed. */
    public static final List<String> CONTRACT_COMPONENTS = List.of("@method", "@target-uri");
    public static final List<String> CONTRACT_COMPONENTS_WITH_BODY = List.of("@method", "@target-uri", ContentDigest.HEADER);
    public static final Duration CONTRACT_MAX_SKEW = Duration.ofSeconds(300);
    private static final int NONCE_BYTES = 16;
    private static final java.util.Base64.Encoder NONCE_ENCODER = java.util.Base64.getUrlEncoder().withoutPadding();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private HttpSignatures() {
    }

    /** The two header values to send. */
    public record Headers(String signatureInput, String signature) {
    }

    /** What was verified: the caller checks the key id's certificate and replay with it. */
    public record Verified(String label, String keyId, Instant created, List<String> components, byte[] signature) {
    }

    /** Which signatures are acceptable. */
    public record Policy(List<String> requiredComponents, Duration maxSkew) {
    }

    public static Headers sign(SignedRequest request, List<String> components, String label, String keyId, PrivateKey key,
                               Instant created) {
        List<StructuredFields.Item> items = new ArrayList<>();
        components.forEach(c -> items.add(new StructuredFields.Item(c, Map.of())));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", created.getEpochSecond());
        params.put("keyid", keyId);
        params.put("alg", ALGORITHM);
        // Ed25519 is deterministic: without a nonce, the same request signed twice in one second
        // would carry the same signature and be refused as a replay.
        params.put("nonce", NONCE_ENCODER.encodeToString(randomBytes(NONCE_BYTES)));
        String serialized = StructuredFields.serializeInnerList(items, params);
        byte[] signature = Ed25519.sign(key, SignatureBase.build(request, items, serialized));
        return new Headers(label + "=" + serialized, label + "=" + StructuredFields.serializeBare(signature));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Verifies the request's signature; the key of a key id comes from keys (null: unknown). */
    public static Verified verify(SignedRequest request, Function<String, PublicKey> keys, Policy policy, Instant now)
            throws SignatureProblem {
        List<String> inputs = request.headerValues(SIGNATURE_INPUT);
        List<String> signatures = request.headerValues(SIGNATURE);
        if (inputs.isEmpty() || signatures.isEmpty()) {
            throw new SignatureProblem("missing_signature", "the request must be signed (Signature-Input and Signature, RFC 9421)");
        }
        Map<String, StructuredFields.Member> inputMembers;
        Map<String, StructuredFields.Member> signatureMembers;
        try {
            inputMembers = StructuredFields.parseDictionary(String.join(", ", inputs));
            signatureMembers = StructuredFields.parseDictionary(String.join(", ", signatures));
        } catch (IllegalArgumentException e) {
            throw new SignatureProblem("malformed_signature", "signature headers are not valid structured fields: " + e.getMessage());
        }
        String label = inputMembers.keySet().stream().filter(signatureMembers::containsKey).findFirst()
                .orElseThrow(() -> new SignatureProblem("malformed_signature", "no Signature for the Signature-Input label"));
        return verifyOne(request, label, inputMembers.get(label), signatureMembers.get(label), keys, policy, now);
    }

    private static Verified verifyOne(SignedRequest request, String label, StructuredFields.Member input,
                                      StructuredFields.Member signatureMember, Function<String, PublicKey> keys, Policy policy,
                                      Instant now) throws SignatureProblem {
        if (!input.isInnerList() || signatureMember.isInnerList() || !(signatureMember.item().value() instanceof byte[] signature)) {
            throw new SignatureProblem("malformed_signature", "Signature-Input must be an inner list, Signature a byte sequence");
        }
        Map<String, Object> params = input.parameters();
        if (!(params.get("created") instanceof Long created) || !(params.get("keyid") instanceof String keyId)) {
            throw new SignatureProblem("malformed_signature", "created and keyid parameters are required");
        }
        Object alg = params.get("alg");
        if (alg != null && !ALGORITHM.equals(alg)) {
            throw new SignatureProblem("malformed_signature", "only alg=\"ed25519\" is accepted");
        }
        Instant createdAt = Instant.ofEpochSecond(created);
        if (Duration.between(createdAt, now).abs().compareTo(policy.maxSkew()) > 0) {
            throw new SignatureProblem("stale_signature",
                    "created is more than " + policy.maxSkew().toSeconds() + " s from the server clock");
        }
        if (params.get("expires") instanceof Long expires && Instant.ofEpochSecond(expires).isBefore(now)) {
            throw new SignatureProblem("stale_signature", "the signature has expired");
        }
        List<String> covered = new ArrayList<>();
        input.innerList().forEach(item -> covered.add(String.valueOf(item.value())));
        for (String required : policy.requiredComponents()) {
            if (!covered.contains(required)) {
                throw new SignatureProblem("missing_component", "the signature must cover " + required);
            }
        }
        PublicKey key = keys.apply(keyId);
        if (key == null) {
            throw new SignatureProblem("unknown_key", "no valid certificate for keyid " + keyId);
        }
        byte[] base;
        try {
            base = SignatureBase.build(request, input.innerList(), StructuredFields.serializeInnerList(input.innerList(), params));
        } catch (IllegalArgumentException e) {
            throw new SignatureProblem("malformed_signature", e.getMessage());
        }
        if (!Ed25519.verify(key, base, signature)) {
            throw new SignatureProblem("bad_signature", "the signature does not verify");
        }
        return new Verified(label, keyId, createdAt, List.copyOf(covered), signature);
    }
}
