package io.eventpipe.relay.auth;

/** A request that is not authenticated: the HTTP status, a stable code and a message for the client. */
public final class AuthProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public AuthProblem(int status, String code, String message) {
        this(status, code, message, 0);
    }

    public AuthProblem(int status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds the client should wait (429), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
