package io.eventpipe.relay.devices;

/** A registration refused: the HTTP status, a stable code and a message safe for the client. */
public final class RegistrationProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public RegistrationProblem(int status, String code, String message) {
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
