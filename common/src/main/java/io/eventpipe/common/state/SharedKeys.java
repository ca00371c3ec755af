package io.eventpipe.common.state;

/** Keys of the state services share in Redis, written by one and read by others, so that both sides name them alike. */
public final class SharedKeys {

    public static final String PREFIX = "eventpipe:";

    private SharedKeys() {
    }

    /** Present when an admin revoked the device (admin-service writes it, every relay refuses the device). */
    public static String deviceRevoked(String deviceId) {
        return PREFIX + "device-revoked:" + deviceId;
    }
}
