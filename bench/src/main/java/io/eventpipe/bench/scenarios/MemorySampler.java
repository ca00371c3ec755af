package io.eventpipe.bench.scenarios;

import io.eventpipe.stack.HttpProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * S6: samples each service's resident set (the kernel's VmRSS, what a container limit counts) and
 * heap in use (its own /metrics) every quarter second while a load runs; keeps the maximum of each.
 */
public final class MemorySampler implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 250;
    private static final double MIB = 1024.0 * 1024.0;

    private final Map<String, Long> pids;
    private final Map<String, String> metricsUrls;
    private final Map<String, Double> maxRssMib = new ConcurrentHashMap<>();
    private final Map<String, Double> maxHeapMib = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** A figure per service: its highest resident set and heap seen. */
    public record Peak(double rssMib, double heapMib) {
    }

    public MemorySampler(Map<String, Long> pids, Map<String, String> metricsUrls) {
        this.pids = Map.copyOf(pids);
        this.metricsUrls = Map.copyOf(metricsUrls);
        this.thread = new Thread(this::run, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(SAMPLE_MILLIS); // a sampling period, not a synchronisation
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        pids.forEach((service, pid) -> {
            double rss = rssMib(pid);
            if (!Double.isNaN(rss)) {
                maxRssMib.merge(service, rss, Math::max);
            }
        });
        metricsUrls.forEach((service, url) -> {
            double heap = heapMib(url);
            if (!Double.isNaN(heap)) {
                maxHeapMib.merge(service, heap, Math::max);
            }
        });
    }

    /** The peaks by service. */
    public Map<String, Peak> peaks() {
        Map<String, Peak> peaks = new LinkedHashMap<>();
        java.util.Set<String> services = new java.util.LinkedHashSet<>(pids.keySet());
        services.addAll(metricsUrls.keySet());
        services.forEach(service -> peaks.put(service,
                new Peak(maxRssMib.getOrDefault(service, Double.NaN), maxHeapMib.getOrDefault(service, Double.NaN))));
        return peaks;
    }

    static double rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** The heap in use now by the service behind this /metrics URL (Micrometer's jvm_memory_used_bytes, area heap). */
    public static double heapMib(String metricsUrl) {
        HttpProbe.Answer answer = HttpProbe.get(metricsUrl, Duration.ofSeconds(2));
        return answer.status() == 200 ? heapBytes(answer.body()) / MIB : Double.NaN;
    }

    /** The sum of the heap pools' used bytes in Prometheus text; NaN when there are none. */
    static double heapBytes(String text) {
        double bytes = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? bytes : Double.NaN;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
