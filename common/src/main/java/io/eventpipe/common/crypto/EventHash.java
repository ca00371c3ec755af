package io.eventpipe.common.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.common.json.Jcs;

/**
 * The event hash of CONTRACT 2.5: SHA-256 of the RFC 8785 canonical form of the event JSON
 * exactly as the device sent it. A device computes the same value before sending.
 */
public final class EventHash {

    private EventHash() {
    }

    /** The canonical bytes and their hash, computed once and kept together. */
    public record Canonical(byte[] jcs, String hashHex) {
    }

    public static Canonical of(JsonNode event) {
        byte[] jcs = Jcs.canonicalize(event);
        return new Canonical(jcs, Sha256.hex(jcs));
    }
}
