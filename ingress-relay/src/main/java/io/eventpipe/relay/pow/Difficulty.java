package io.eventpipe.relay.pow;

import java.util.function.LongSupplier;

/**
 * The difficulty of the next challenge: the minimum while registrations are at or below the
 * target rate, one more bit for every doubling above it, never above the maximum. The rate is
 * counted across all relays (Redis) where available.
 */
public final class Difficulty {

    private final int min;
    private final int max;
    private final long targetPerMinute;
    private final LongSupplier issuedThisMinute;
    private volatile int lastIssued;

    public Difficulty(int min, int max, long targetPerMinute, LongSupplier issuedThisMinute) {
        if (min < 0 || max > 64 || min > max || targetPerMinute < 1) {
            throw new IllegalArgumentException("difficulty bounds must satisfy 0 <= min <= max <= 64");
        }
        this.min = min;
        this.max = max;
        this.targetPerMinute = targetPerMinute;
        this.issuedThisMinute = issuedThisMinute;
        this.lastIssued = min;
    }

    /** Counts the challenge about to be issued and returns its difficulty. */
    public int next() {
        lastIssued = forRate(issuedThisMinute.getAsLong());
        return lastIssued;
    }

    /** The difficulty of the last challenge issued (a metric). */
    public int lastIssued() {
        return lastIssued;
    }

    int forRate(long perMinute) {
        if (perMinute <= targetPerMinute) {
            return min;
        }
        int extra = 63 - Long.numberOfLeadingZeros(perMinute / targetPerMinute);
        return Math.min(max, min + extra);
    }
}
