package io.eventpipe.schemas.topics;

/** Kafka's cleanup.policy values that EventPipe topics use. */
public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }
}
