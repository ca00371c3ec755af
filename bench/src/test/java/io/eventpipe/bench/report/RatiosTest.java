package io.eventpipe.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatiosTest {

    private static final Map<String, Double> FIGURES = Map.ofEntries(
            Map.entry(Ratios.C1_PRODUCE, 50_000.0), Map.entry(Ratios.C4, 20_000.0), Map.entry(Ratios.S1_CLOSED, 5_000.0),
            Map.entry(Ratios.C1_E2E_P99, 4.0), Map.entry(Ratios.S1_OPEN_P50, 20.0), Map.entry(Ratios.S1_OPEN_P99, 60.0),
            Map.entry(Ratios.C2, 10_000.0), Map.entry(Ratios.S2, 6_000.0),
            Map.entry(Ratios.C3_SMALL, 4_000_000.0), Map.entry(Ratios.S3_LEAVES, 1_000_000.0),
            Map.entry(Ratios.C5, 100.0), Map.entry(Ratios.S5, 80.0));

    private static Ratio ratio(List<Ratio> ratios, String id) {
        return ratios.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachRatioDividesItsScenarioByItsCeiling() {
        List<Ratio> ratios = Ratios.of(FIGURES);
        assertThat(ratio(ratios, "S1").value()).as("against the lower of C1 and C4").isEqualTo(0.25);
        assertThat(ratio(ratios, "S1").met()).isFalse();
        assertThat(ratio(ratios, "S1.p50").value()).isEqualTo(5.0);
        assertThat(ratio(ratios, "S1.p99").value()).isEqualTo(15.0);
        assertThat(ratio(ratios, "S1.p99").met()).as("no target").isNull();
        assertThat(ratio(ratios, "S2").value()).isEqualTo(0.6);
        assertThat(ratio(ratios, "S2").met()).isTrue();
        assertThat(ratio(ratios, "S3").value()).isEqualTo(0.25);
        assertThat(ratio(ratios, "S5").value()).isEqualTo(0.8);
    }

    @Test
    void aFigureTheRunDidNotMeasureGivesNoVerdict() {
        Ratio s2 = ratio(Ratios.of(Map.of(Ratios.C2, 1000.0)), "S2");
        assertThat(s2.value()).isNaN();
        assertThat(s2.met()).isNull();
    }

    @Test
    void memoryIsCheckedAgainst512MiB() {
        List<Check> checks = Ratios.memoryChecks(Map.of("ingress-relay", 400.0, "stream-processors", 600.0));
        assertThat(checks).filteredOn(Check::met).extracting(Check::id).containsExactly("S6.ingress-relay.rss");
        assertThat(new Check("x", "x", Double.NaN, 512, "MiB").met()).isFalse();
    }

    @Test
    void theMarkdownShowsEachRatioItsTargetAndThePreviousRun() {
        Report previous = new Report("2026-11-23T10:00:00Z", Map.of(), Map.of(), List.of(),
                List.of(new Ratio("S2", "x", 0.55, 0.5, "f")), List.of(), List.of());
        Report run = new Report("2026-11-24T10:00:00Z", Map.of("cores", "2"), Map.of("run", "full"),
                List.of(new Figure(Ratios.S2, "validated", 6000, "records/s")), Ratios.of(FIGURES),
                Ratios.memoryChecks(Map.of("anchor-sink", 300.0)), List.of("a note"));
        String md = MarkdownReport.render(run, Optional.of(previous), "## Profiling and changes\n\nhistory");
        assertThat(md).contains("| cores | 2 |", "| S2 | stream processors, validated events/s | **0.600** | ≥ 0.500 | yes | 0.550 |",
                "| S1 | relay ingest, accepted events/s (closed loop) | **0.250** | ≥ 0.600 | **no** | – |",
                "anchor-sink resident memory at S1 load | 300.0 MiB | ≤ 512.0 MiB | yes", "- a note", "history");
    }

    @Test
    void numbersKeepThreeSignificantPlacesOrThousands() {
        assertThat(MarkdownReport.number(48123.5)).isEqualTo("48,124");
        assertThat(MarkdownReport.number(12.34)).isEqualTo("12.3");
        assertThat(MarkdownReport.number(0.6)).isEqualTo("0.600");
        assertThat(MarkdownReport.number(0.0012)).isEqualTo("0.0012");
        assertThat(MarkdownReport.number(Double.NaN)).isEqualTo("n/a");
    }
}
