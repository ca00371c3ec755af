package io.eventpipe.processors.validation;

/** The stable rejection codes of the validator, as they appear in RejectedEvent and EventResult. */
public final class Reasons {

    public static final String UNREADABLE_RECORD = "UNREADABLE_RECORD";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String EVENT_ID_MISMATCH = "EVENT_ID_MISMATCH";
    public static final String HASH_MISMATCH = "HASH_MISMATCH";
    public static final String CAPTURED_IN_FUTURE = "CAPTURED_IN_FUTURE";

    private Reasons() {
    }
}
