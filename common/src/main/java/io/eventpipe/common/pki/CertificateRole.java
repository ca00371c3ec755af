package io.eventpipe.common.pki;

import java.time.Duration;

/**
 * What a certificate is for, and so its extensions and longest validity. The root certifies
 * relays and admins; a relay certifies devices (CONTRACT 2.2).
 */
public enum CertificateRole {
    ROOT(true, 1, Duration.ofDays(3650)),
    RELAY(true, 0, Duration.ofDays(30)),
    ADMIN(false, -1, Duration.ofDays(366)),
    /** A TLS server of the system (the Kafka broker's SSL listener). */
    SERVER(false, -1, Duration.ofDays(366)),
    DEVICE(false, -1, Duration.ofHours(24));

    private final boolean certificateAuthority;
    private final int pathLength;
    private final Duration maxValidity;

    CertificateRole(boolean certificateAuthority, int pathLength, Duration maxValidity) {
        this.certificateAuthority = certificateAuthority;
        this.pathLength = pathLength;
        this.maxValidity = maxValidity;
    }

    public boolean isCertificateAuthority() {
        return certificateAuthority;
    }

    /** How many CA certificates may follow this one in a chain; -1 for end entities. */
    public int pathLength() {
        return pathLength;
    }

    public Duration maxValidity() {
        return maxValidity;
    }
}
