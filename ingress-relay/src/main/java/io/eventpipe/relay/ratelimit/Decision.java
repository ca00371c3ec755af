package io.eventpipe.relay.ratelimit;

/** Whether a request may pass; when not, how many seconds until it could (for Retry-After). */
public record Decision(boolean allowed, long retryAfterSeconds) {

    static final Decision ALLOW = new Decision(true, 0);
}
