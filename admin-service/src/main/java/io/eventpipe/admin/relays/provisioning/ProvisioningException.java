package io.eventpipe.admin.relays.provisioning;

/** A relay could not be launched: no provisioner, not launched before, or the launch failed. */
public final class ProvisioningException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean conflict;

    private ProvisioningException(String message, boolean conflict, Throwable cause) {
        super(message, cause);
        this.conflict = conflict;
    }

    /** The request cannot be served in this state (no provisioner configured, relay not launched here). */
    public static ProvisioningException conflict(String message) {
        return new ProvisioningException(message, true, null);
    }

    /** The launch itself failed. */
    public static ProvisioningException failed(String message, Throwable cause) {
        return new ProvisioningException(message, false, cause);
    }

    public boolean isConflict() {
        return conflict;
    }
}
