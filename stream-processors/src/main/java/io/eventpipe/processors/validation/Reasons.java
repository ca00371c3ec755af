package io.eventpipe.processors.validation;

import io.eventpipe.avro.RejectionReason;

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
    public static final String DEVICE_SIGNATURE_MISSING = "DEVICE_SIGNATURE_MISSING";
    public static final String DEVICE_SIGNATURE_INVALID = "DEVICE_SIGNATURE_INVALID";
    public static final String BODY_DIGEST_MISMATCH = "BODY_DIGEST_MISMATCH";
    public static final String DEVICE_CERTIFICATE_UNTRUSTED = "DEVICE_CERTIFICATE_UNTRUSTED";
    public static final String DEVICE_CERTIFICATE_REVOKED = "DEVICE_CERTIFICATE_REVOKED";

    /** Archive stage: media an archived event cites are not in storage (the event is archived all the same). */
    public static final String MEDIA_MISSING = "MEDIA_MISSING";
    /** Archive stage: another event with this id and a different hash is archived already; it is kept. */
    public static final String ARCHIVE_CONFLICT = "ARCHIVE_CONFLICT";

    private Reasons() {
    }

    public static RejectionReason reason(String code, String field, String message) {
        return RejectionReason.newBuilder().setCode(code).setField(field == null || field.isEmpty() ? null : field)
                .setMessage(message == null ? code : message).build();
    }
}
