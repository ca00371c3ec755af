package io.eventpipe.admin.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.web.JsonResponses;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The dashboard's figures, kept from the feed: events per second over the last minute, per relay;
 * rejections by reason and results by status since the feed started; anchor latency (from the
 * relay's receipt of an event to its ANCHORED receipt) over the last {@value #LATENCY_SAMPLES}.
 * Not thread-safe: the feed thread updates it, readers get a snapshot under the feed's lock.
 */
final class FeedSummary {

    static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    static final int LATENCY_SAMPLES = 1000;
    private static final int RECEIVED_REMEMBERED = 100_000;

    private final Instant since;
    // events per second of their time, by relay: lines come in out of order (several topics and partitions)
    private final Map<String, NavigableMap<Long, Long>> recentByRelay = new TreeMap<>();
    private final Map<String, Long> rejectionsByReason = new TreeMap<>();
    private final Map<String, Long> resultsByStatus = new TreeMap<>();
    private final Map<String, Long> eventsByRelay = new TreeMap<>();
    private final Map<String, Instant> receivedAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > RECEIVED_REMEMBERED;
        }
    };
    private final long[] latencies = new long[LATENCY_SAMPLES];
    private int latencyCount;
    private long events;

    FeedSummary(Instant since) {
        this.since = since;
    }

    void add(FeedItem item) {
        switch (item.kind()) {
            case EVENT -> {
                events++;
                String relay = item.relayId() == null ? "?" : item.relayId();
                eventsByRelay.merge(relay, 1L, Long::sum);
                recentByRelay.computeIfAbsent(relay, r -> new TreeMap<>()).merge(item.at().getEpochSecond(), 1L, Long::sum);
                receivedAt.put(item.eventId(), item.at());
            }
            case REJECTION -> item.reasons().forEach(reason -> rejectionsByReason.merge(reason, 1L, Long::sum));
            case RESULT -> resultsByStatus.merge(item.status(), 1L, Long::sum);
            case RECEIPT -> {
                Instant received = receivedAt.get(item.eventId());
                if ("ANCHORED".equals(item.status()) && received != null && item.at() != null) {
                    latencies[latencyCount++ % LATENCY_SAMPLES] = Duration.between(received, item.at()).toMillis();
                }
            }
            default -> throw new IllegalStateException("unknown kind " + item.kind());
        }
    }

    ObjectNode snapshot(Instant now) {
        long cutoff = now.minus(RATE_WINDOW).getEpochSecond();
        recentByRelay.values().forEach(seconds -> seconds.headMap(cutoff, false).clear());
        long lastMinute = recentByRelay.values().stream().flatMap(seconds -> seconds.values().stream()).mapToLong(Long::longValue).sum();
        ObjectNode summary = JsonResponses.JSON.createObjectNode().put("since", since.toString()).put("at", now.toString())
                .put("events", events).put("eventsPerSecond", lastMinute / (double) RATE_WINDOW.toSeconds());
        ObjectNode relays = summary.putObject("relays");
        eventsByRelay.forEach((relay, total) -> relays.putObject(relay).put("events", total).put("eventsPerSecond",
                recentByRelay.get(relay).values().stream().mapToLong(Long::longValue).sum() / (double) RATE_WINDOW.toSeconds()));
        ObjectNode reasons = summary.putObject("rejectionsByReason");
        rejectionsByReason.forEach(reasons::put);
        ObjectNode statuses = summary.putObject("resultsByStatus");
        resultsByStatus.forEach(statuses::put);
        ObjectNode latency = summary.putObject("anchorLatencyMs");
        int samples = Math.min(latencyCount, LATENCY_SAMPLES);
        latency.put("samples", samples);
        if (samples > 0) {
            long[] sorted = Arrays.copyOf(latencies, samples);
            Arrays.sort(sorted);
            latency.put("p50", sorted[(samples - 1) / 2]).put("p95", sorted[(int) Math.ceil(samples * 0.95) - 1])
                    .put("max", sorted[samples - 1]);
        }
        return summary;
    }
}
