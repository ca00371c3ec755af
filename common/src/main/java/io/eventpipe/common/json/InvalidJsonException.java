package io.eventpipe.common.json;

/** JSON that cannot be parsed or canonicalized; the message is safe to show a client. */
public final class InvalidJsonException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidJsonException(String message) {
        super(message);
    }
}
