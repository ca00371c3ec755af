package io.eventpipe.schemas.registry;

/** A schema registry call failed; status and errorCode are those of the Confluent REST API (or -1). */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public RegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The registry refused a schema as incompatible with the subject's compatibility rule. */
    public boolean isIncompatible() {
        return status == 409;
    }

    /** No answer, or a server error: a transient condition, unlike any 4xx. */
    public boolean isUnavailable() {
        return status < 0 || status >= 500;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
