package io.eventpipe.processors.validation;

import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.avro.ValidatedEvent;

/**
 * What validation made of one incoming record: exactly one of validated or rejected, and the
 * result for the reply topic (absent only when not even an event id could be read).
 */
public record Outcome(ValidatedEvent validated, RejectedEvent rejected, EventResult result) {

    public static Outcome valid(ValidatedEvent validated, EventResult result) {
        return new Outcome(validated, null, result);
    }

    public static Outcome rejected(RejectedEvent rejected, EventResult result) {
        return new Outcome(null, rejected, result);
    }

    public boolean isValid() {
        return validated != null;
    }

    public boolean hasResult() {
        return result != null;
    }

    /** The output key: the event id when known. */
    public String eventId() {
        return isValid() ? validated.getEventId() : rejected.getEventId();
    }
}
