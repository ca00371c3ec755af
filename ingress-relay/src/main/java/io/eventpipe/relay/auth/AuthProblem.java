package io.eventpipe.relay.auth;

/** A request that is not authenticated: the HTTP status, a stable code and a message for the client. */
public final class AuthProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public AuthProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
