package io.eventpipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventpipe.bench.load.BenchDevices;
import io.eventpipe.bench.load.HttpLoad;
import io.eventpipe.bench.scenarios.Soak;
import io.eventpipe.launcher.dev.DevOptions;
import io.eventpipe.launcher.dev.DevStack;
import io.eventpipe.stack.ProjectHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ./eventpipe soak [DURATION] [--rate N] (scripts/soak.sh): a fresh local stack under steady load for
 * DURATION (default 30m) at N events/s (default: half of what a closed loop takes on this machine),
 * reporting heap, consumer lag and answers per window to target/soak/soak.md and soak.json.
 */
public final class SoakMain {

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        String length = args.length > 0 && !args[0].startsWith("--") ? args[0] : "30m";
        Duration duration = Duration.parse("PT" + length.toUpperCase(Locale.ROOT));
        Double rate = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--rate")) {
                rate = Double.parseDouble(args[i + 1]);
            }
        }
        Path home = ProjectHome.find();
        Result result = run(home, home.resolve("target/soak-stack"), duration, rate);
        Path out = Files.createDirectories(home.resolve("target/soak"));
        Files.writeString(out.resolve("soak.md"), markdown(result), StandardCharsets.UTF_8);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("soak.json").toFile(), result);
        System.out.print(markdown(result));
        System.exit(result.serverErrors() == 0 ? 0 : 1);
    }

    /** A soak run: its rate and duration, and every window. */
    public record Result(double perSecond, String duration, List<Soak.Window> windows) {
        public long serverErrors() {
            return windows.stream().flatMap(w -> w.answers().entrySet().stream()).filter(e -> e.getKey().startsWith("5")
                    && !e.getKey().equals("503")).mapToLong(Map.Entry::getValue).sum();
        }
    }

    public static Result run(Path home, Path dataDir, Duration duration, Double rate) throws Exception {
        BenchRun.deleteRecursively(dataDir);
        try (DevStack stack = DevStack.start(DevOptions.onFreePorts(home, dataDir), BenchRun.relayOverrides())) {
            BenchDevices devices = BenchDevices.register(stack.relayUrl(), 16);
            double perSecond = rate != null ? rate : halfOfClosedLoop(devices);
            Duration window = duration.compareTo(Duration.ofMinutes(5)) < 0 ? duration.dividedBy(4) : Duration.ofSeconds(30);
            Soak soak = new Soak(devices, BenchRun.metricsUrls(stack), stack.kafkaBootstrapServers());
            return new Result(perSecond, duration.toString(), soak.run(perSecond, duration, window));
        }
    }

    private static double halfOfClosedLoop(BenchDevices devices) throws InterruptedException {
        HttpLoad.Run run = new HttpLoad().closedLoop(devices.signedEvents(1500).stream()
                .map(BenchDevices.SignedEvent::request).toList(), 32);
        return Math.max(1, run.acceptedPerSecond() / 2);
    }

    static String markdown(Result result) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# Soak: %.1f events/s for %s%n%n", result.perSecond(),
                result.duration()));
        md.append("| window end | answers | heap MiB by service | consumer lag by group |\n|---|---|---|---|\n");
        for (Soak.Window w : result.windows()) {
            md.append("| ").append(w.end()).append(" | ").append(w.answers()).append(" | ");
            w.heapMib().forEach((s, h) -> md.append(s).append(' ').append(String.format(Locale.ROOT, "%.0f", h)).append("; "));
            md.append(" | ").append(w.lag()).append(" |\n");
        }
        md.append(String.format("%nserver errors (5xx other than 503): %d%n", result.serverErrors()));
        return md.toString();
    }
}
