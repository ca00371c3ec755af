package io.eventpipe.schemas.registry;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The registry could not be asked (unreachable or failing), as opposed to answering that a
 * schema id does not exist: the record is fine and must be retried, never sent to a DLQ.
 */
public final class RegistryUnavailableException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
