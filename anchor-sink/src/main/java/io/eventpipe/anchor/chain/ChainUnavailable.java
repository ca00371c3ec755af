package io.eventpipe.anchor.chain;

/** The JSON-RPC endpoint did not answer (or answered with an error that is not about the transaction). */
public final class ChainUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChainUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
