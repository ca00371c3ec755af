package io.eventpipe.bench.scenarios;

import io.eventpipe.bench.load.BenchDevices;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The soak: events at a steady rate for a long time (each signed when it is sent, since a signature
 * lives 300 s), and every window the heap of each service, the lag of every consumer group and the
 * answers of the window. A leak shows as a heap that climbs from window to window, a stage that
 * cannot keep up as a lag that does.
 */
public final class Soak {

    private final BenchDevices devices;
    private final Map<String, String> metricsUrls;
    private final String bootstrapServers;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One window: when it ended, the answers in it, heap per service (MiB) and lag per consumer group. */
    public record Window(String end, Map<String, Long> answers, Map<String, Double> heapMib, Map<String, Long> lag) {
    }

    public Soak(BenchDevices devices, Map<String, String> metricsUrls, String bootstrapServers) {
        this.devices = devices;
        this.metricsUrls = Map.copyOf(metricsUrls);
        this.bootstrapServers = bootstrapServers;
    }

    public List<Window> run(double perSecond, Duration duration, Duration window) {
        List<Window> windows = new ArrayList<>();
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        AtomicLong inFlight = new AtomicLong();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long nextWindow = start + window.toNanos();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            for (long i = 0; ; i++) {
                long due = start + i * interval;
                if (due >= end) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.incrementAndGet();
                http.sendAsync(devices.signedEvents(1).get(0).request(), HttpResponse.BodyHandlers.discarding())
                        .handle((response, error) -> {
                            answers.computeIfAbsent(error == null ? Integer.toString(response.statusCode()) : "no answer",
                                    k -> new AtomicLong()).incrementAndGet();
                            return inFlight.decrementAndGet();
                        });
                if (System.nanoTime() >= nextWindow) {
                    windows.add(window(answers, admin));
                    nextWindow += window.toNanos();
                }
            }
            // the last window counts every answer: the requests of the last second are still under way
            io.eventpipe.stack.Await.until("the soak's last requests to be answered", Duration.ofSeconds(60), () -> inFlight.get() == 0);
            windows.add(window(answers, admin));
        }
        return windows;
    }

    private Window window(Map<String, AtomicLong> answers, Admin admin) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        answers.forEach((kind, count) -> counts.put(kind, count.getAndSet(0)));
        Map<String, Double> heap = new LinkedHashMap<>();
        metricsUrls.forEach((service, url) -> heap.put(service, MemorySampler.heapMib(url)));
        return new Window(Instant.now().toString(), counts, heap, lag(admin));
    }

    /** Records not yet consumed, per consumer group, over the partitions the group has offsets for. */
    static Map<String, Long> lag(Admin admin) {
        Map<String, Long> lag = new java.util.TreeMap<>();
        try {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                long total = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                        total += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lag.put(group.groupId(), total);
            }
        } catch (Exception e) {
            lag.put("(unavailable: " + e.getClass().getSimpleName() + ")", -1L);
        }
        return lag;
    }
}
