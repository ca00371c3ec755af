package io.eventpipe.relay.ratelimit;

/** Whether a request may pass; when not, how many seconds until it could (for Retry-After). */
public record Decision(boolean allowed, long retryAfterSeconds) {

    static final Decision ALLOW = new Decision(true, 0);

    /** Allowed when nothing is to be waited; otherwise refused, Retry-After rounded up to whole seconds. */
    static Decision afterWaiting(long waitMillis) {
        return waitMillis <= 0 ? ALLOW : new Decision(false, Math.max(1, (waitMillis + 999) / 1000));
    }
}
