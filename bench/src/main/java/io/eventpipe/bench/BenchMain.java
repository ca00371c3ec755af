package io.eventpipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventpipe.bench.report.Check;
import io.eventpipe.bench.report.Figure;
import io.eventpipe.bench.report.MachineInfo;
import io.eventpipe.bench.report.MarkdownReport;
import io.eventpipe.bench.report.Ratios;
import io.eventpipe.bench.report.Report;
import io.eventpipe.stack.ProjectHome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ./eventpipe bench [--quick] [--out DIR]: measures the ceilings and scenarios of issue 9 on this
 * machine and writes DIR/benchmarks.md and DIR/benchmarks.json (default DIR: docs/ of the project;
 * a quick run writes to target/bench-quick/ unless told otherwise, so it never replaces the report).
 */
public final class BenchMain {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path home = ProjectHome.find();
        Path out = option(args, "--out").map(Path::of).orElse(quick ? home.resolve("target/bench-quick") : home.resolve("docs"));
        BenchSizes sizes = quick ? BenchSizes.smoke() : BenchSizes.full();
        BenchRun run = new BenchRun(home, home.resolve("target/bench-stack"), sizes, System.out);
        run.run();
        Report report = report(run, sizes);
        Files.createDirectories(out);
        Path json = out.resolve("benchmarks.json");
        Optional<Report> previous = Files.exists(json) ? Optional.of(JSON.readValue(json.toFile(), Report.class)) : Optional.empty();
        Files.writeString(out.resolve("benchmarks.md"), MarkdownReport.render(report, previous, history()), StandardCharsets.UTF_8);
        JSON.writeValue(json.toFile(), report);
        System.out.println();
        report.ratios().forEach(r -> System.out.printf("%-8s %8.3f  target %s%n", r.id(), r.value(),
                r.target() == null ? "-" : ">= " + r.target() + (Boolean.TRUE.equals(r.met()) ? " (met)" : " (NOT met)")));
        System.out.println("report: " + out.resolve("benchmarks.md") + " and " + json);
        System.exit(0); // JMH and Kafka leave non-daemon threads behind
    }

    static Report report(BenchRun run, BenchSizes sizes) {
        Map<String, Double> byId = run.figures().stream().collect(Collectors.toMap(Figure::id, Figure::value, (a, b) -> b));
        List<Check> checks = Ratios.memoryChecks(run.peakRss());
        return new Report(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), MachineInfo.describe(), sizes.describe(),
                new ArrayList<>(run.figures()), Ratios.of(byId), checks, new ArrayList<>(run.notes()));
    }

    /** The hand-kept part of the report: what was profiled and changed, before and after. */
    private static String history() throws IOException {
        try (InputStream in = BenchMain.class.getResourceAsStream("/bench/history.md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Optional.of(args[i + 1]);
            }
        }
        return Optional.empty();
    }
}
