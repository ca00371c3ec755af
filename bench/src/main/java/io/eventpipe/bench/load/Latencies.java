package io.eventpipe.bench.load;

import java.util.Arrays;

/** Latencies of one run, read as percentiles (nearest rank). */
public final class Latencies {

    private final double[] millis;

    public Latencies(double[] millis) {
        this.millis = millis.clone();
        Arrays.sort(this.millis);
    }

    public int count() {
        return millis.length;
    }

    /** The p-th percentile (0 < p <= 100) by nearest rank; NaN when empty. */
    public double percentile(double p) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }
}
