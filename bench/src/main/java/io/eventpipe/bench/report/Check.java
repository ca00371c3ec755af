package io.eventpipe.bench.report;

/** A limit a figure must stay under (e.g. a service's resident memory under S1 load). */
public record Check(String id, String what, double value, double limit, String unit) {

    public boolean met() {
        return !Double.isNaN(value) && value <= limit;
    }
}
