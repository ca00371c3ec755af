package io.eventpipe.web;

/**
 * A request refused for a reason the client may read: the HTTP status, a stable code, a message
 * safe to show, and for 429/503 when to come back. Services subclass it per concern.
 */
public class HttpProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public HttpProblem(int status, String code, String message) {
        this(status, code, message, 0);
    }

    public HttpProblem(int status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds the client should wait (429, 503), or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
