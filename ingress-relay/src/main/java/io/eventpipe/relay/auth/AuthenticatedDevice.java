package io.eventpipe.relay.auth;

/** The device behind a verified request, and the certificate it used. */
public record AuthenticatedDevice(String deviceId, String certificateFingerprint) {
}
