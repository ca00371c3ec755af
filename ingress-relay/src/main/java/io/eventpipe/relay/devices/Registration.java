package io.eventpipe.relay.devices;

import java.time.Instant;
import java.util.List;

/** The answer to a successful registration (CONTRACT 2.2). */
public record Registration(String deviceId, String certificatePem, List<String> chainPem, Instant expiresAt) {
}
