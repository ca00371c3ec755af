package io.eventpipe.relay.pow;

import java.time.Instant;

/** A proof-of-work challenge as issued: the opaque token and what it carries. */
public record Challenge(String token, int difficulty, Instant expiresAt) {
}
