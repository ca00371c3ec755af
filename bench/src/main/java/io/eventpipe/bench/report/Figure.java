package io.eventpipe.bench.report;

/** One measured figure: a ceiling (C*) or a scenario (S*) value, with its unit. */
public record Figure(String id, String what, double value, String unit) {
}
