package io.eventpipe.anchor.store;

/** One event of a batch: its place in the tree and the hash that is its leaf. */
public record Leaf(int leafIndex, String eventId, byte[] eventHash, String deviceId) {
}
