package io.eventpipe.common.httpsig;

/** Why a request's signature is not accepted; code and message are safe to show the client. */
public final class SignatureProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public SignatureProblem(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
