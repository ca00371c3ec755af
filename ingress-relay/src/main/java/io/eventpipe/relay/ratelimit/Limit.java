package io.eventpipe.relay.ratelimit;

/** A token bucket: up to burst requests at once, refilled at perMinute. */
public record Limit(String name, long perMinute, long burst) {

    public Limit {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate limit " + name + " needs positive rate and burst");
        }
    }

    double tokensPerMilli() {
        return perMinute / 60_000.0;
    }
}
