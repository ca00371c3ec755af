package io.eventpipe.admin.auth;

/** Why a request is not let in: 401 (who are you?) or 403 (not you), with a stable code. */
public final class Denied extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public Denied(int status, String code, String message) {
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
