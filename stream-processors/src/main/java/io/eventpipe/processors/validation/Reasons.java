package io.eventpipe.processors.validation;

/** The stable rejection codes of the validator, as they appear in RejectedEvent and EventResult. */
public final class Reasons {

    public static final String UNREADABLE_RECORD = "UNREADABLE_RECORD";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String EVENT_ID_MISMATCH = "EVENT_ID_MISMATCH";
    public static final String HASH_MISMATCH = "HASH_MISMATCH";
    public static final String CAPTURED_IN_FUTURE = "CAPTURED_IN_FUTURE";
    public static final String UNKNOWN_LABEL_CONFIG = "UNKNOWN_LABEL_CONFIG";
    public static final String LABEL_CONFIG_INACTIVE = "LABEL_CONFIG_INACTIVE";
    public static final String MISSING_LABEL = "MISSING_LABEL";
    public static final String UNKNOWN_LABEL = "UNKNOWN_LABEL";
    public static final String INVALID_LABEL_VALUE = "INVALID_LABEL_VALUE";
    public static final String RELAY_REVOKED = "RELAY_REVOKED";

    private Reasons() {
    }
}
