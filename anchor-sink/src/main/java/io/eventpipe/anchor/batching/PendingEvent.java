package io.eventpipe.anchor.batching;

import java.time.Instant;

/** A validated event waiting for its batch to close. */
record PendingEvent(String eventId, byte[] eventHash, String deviceId, Instant arrivedAt) {
}
