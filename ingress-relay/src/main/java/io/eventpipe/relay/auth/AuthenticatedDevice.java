package io.eventpipe.relay.auth;

import io.eventpipe.common.httpsig.SignatureEvidence;

/**
 * The device behind a verified request, the certificate it used, and the evidence of the
 * signature (kept with the event so that the processors can verify it again).
 */
public record AuthenticatedDevice(String deviceId, String certificateFingerprint, SignatureEvidence evidence) {
}
