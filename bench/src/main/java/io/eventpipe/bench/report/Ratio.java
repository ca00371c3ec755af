package io.eventpipe.bench.report;

/**
 * A scenario's figure divided by the ceiling it is measured against. target is the lowest ratio
 * the issue asks for (null: reported only); formula names the figures, e.g. "S1 / min(C1, C4)".
 */
public record Ratio(String id, String what, double value, Double target, String formula) {

    /** Whether the target is met; null when there is none or the ratio could not be measured. */
    public Boolean met() {
        return target == null || Double.isNaN(value) ? null : value >= target;
    }
}
