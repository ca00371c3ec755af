package io.eventpipe.common.pki;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.json.Jcs;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * What the root vouches for about a relay, for discovery (GET /v1/relays): its id, name,
 * status, public endpoint and certificate fingerprint at a time. Signed by the root with Ed25519
 * over the RFC 8785 form of exactly these fields, so anyone holding the root certificate can
 * check an entry offline.
 */
public record RelayStatement(String relayId, String name, String status, String endpoint, String certificateFingerprint,
                             Instant updatedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Milliseconds, as the relay registry keeps the time: the statement must survive that round trip. */
    public RelayStatement {
        updatedAt = updatedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public ObjectNode toJson() {
        return JSON.createObjectNode()
                .put("relayId", relayId)
                .put("name", name)
                .put("status", status)
                .put("endpoint", endpoint)
                .put("certificateFingerprint", certificateFingerprint)
                .put("updatedAt", updatedAt.toString());
    }

    public byte[] canonicalBytes() {
        return Jcs.canonicalize(toJson());
    }

    /** Base64 of the root's signature. */
    public String sign(PrivateKey rootKey) {
        return Base64.getEncoder().encodeToString(Ed25519.sign(rootKey, canonicalBytes()));
    }

    public boolean verify(PublicKey rootKey, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            return Ed25519.verify(rootKey, canonicalBytes(), Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
