package io.eventpipe.relay.devices;

import io.eventpipe.web.HttpProblem;

/** A registration refused: the HTTP status, a stable code and a message safe for the client. */
public final class RegistrationProblem extends HttpProblem {

    private static final long serialVersionUID = 1L;

    public RegistrationProblem(int status, String code, String message) {
        super(status, code, message);
    }
}
