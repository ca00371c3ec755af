package io.eventpipe.relay.auth;

import io.eventpipe.web.HttpProblem;

/** A request that is not authenticated: the HTTP status, a stable code and a message for the client. */
public final class AuthProblem extends HttpProblem {

    private static final long serialVersionUID = 1L;

    public AuthProblem(int status, String code, String message) {
        super(status, code, message);
    }

    public AuthProblem(int status, String code, String message, long retryAfterSeconds) {
        super(status, code, message, retryAfterSeconds);
    }
}
