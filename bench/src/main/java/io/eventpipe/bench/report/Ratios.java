package io.eventpipe.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ratios the issue asks for, from the figures of one run. Throughputs are "higher is better"
 * fractions of their ceiling; the latency ratios are multiples of raw Kafka's end-to-end p99.
 */
public final class Ratios {

    public static final String C1_PRODUCE = "C1.produce.records_per_s";
    public static final String C1_E2E_P99 = "C1.e2e.p99_ms";
    public static final String C2 = "C2.passthrough.records_per_s";
    public static final String C3_SMALL = "C3.sha256_64B.hashes_per_s";
    public static final String C4 = "C4.ed25519.verifications_per_s";
    public static final String C5 = "C5.s3_put_1MiB.mib_per_s";
    public static final String S1_CLOSED = "S1.closed.accepted_per_s";
    public static final String S1_OPEN_P50 = "S1.open.p50_ms";
    public static final String S1_OPEN_P99 = "S1.open.p99_ms";
    public static final String S2 = "S2.validated_per_s";
    public static final String S3_LEAVES = "S3.merkle.leaves_per_s";
    public static final String S5 = "S5.media.mib_per_s";
    public static final double RSS_LIMIT_MIB = 512;

    private Ratios() {
    }

    public static List<Ratio> of(Map<String, Double> figures) {
        List<Ratio> ratios = new ArrayList<>();
        double ingestCeiling = Math.min(get(figures, C1_PRODUCE), get(figures, C4));
        ratios.add(new Ratio("S1", "relay ingest, accepted events/s (closed loop)", get(figures, S1_CLOSED) / ingestCeiling, 0.6,
                "S1 accepted/s / min(C1 produce records/s, C4 verifications/s)"));
        ratios.add(new Ratio("S1.p50", "relay round trip p50 at half load, in C1 end-to-end p99s",
                get(figures, S1_OPEN_P50) / get(figures, C1_E2E_P99), null, "S1 open-loop p50 / C1 end-to-end p99"));
        ratios.add(new Ratio("S1.p99", "relay round trip p99 at half load, in C1 end-to-end p99s",
                get(figures, S1_OPEN_P99) / get(figures, C1_E2E_P99), null, "S1 open-loop p99 / C1 end-to-end p99"));
        ratios.add(new Ratio("S2", "stream processors, validated events/s", get(figures, S2) / get(figures, C2), 0.5,
                "S2 validated/s / C2 pass-through records/s"));
        ratios.add(new Ratio("S3", "Merkle tree, leaves/s", get(figures, S3_LEAVES) / get(figures, C3_SMALL), 0.4,
                "S3 leaves/s / C3 SHA-256 (64 B) hashes/s"));
        ratios.add(new Ratio("S5", "media through the relay, MiB/s", get(figures, S5) / get(figures, C5), 0.7,
                "S5 MiB/s / C5 direct PUT MiB/s"));
        return ratios;
    }

    /** Every service's peak resident set under S1 load against the 512 MiB the issue allows. */
    public static List<Check> memoryChecks(Map<String, Double> peakRssMib) {
        List<Check> checks = new ArrayList<>();
        peakRssMib.forEach((service, rss) -> checks.add(new Check("S6." + service + ".rss", service + " resident memory at S1 load",
                rss, RSS_LIMIT_MIB, "MiB")));
        return checks;
    }

    private static double get(Map<String, Double> figures, String id) {
        return figures.getOrDefault(id, Double.NaN);
    }
}
