package io.eventpipe.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends prepared requests to the relay, closed loop (a fixed number in flight, as fast as answers
 * come) or open loop (at a fixed rate whatever the answers do, latency counted from the moment each
 * request was due, so a slow answer cannot hide the requests queued behind it).
 */
public final class HttpLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final String ACCEPTED = "200 ACCEPTED";
    static final String PENDING = "202 PENDING";

    /**
     * What one run got: answers by kind ("200 ACCEPTED", "200 REJECTED", "202 PENDING", other
     * statuses, "no answer"), accepted events (200 ACCEPTED and 202: durably taken), wall time and
     * per-request latencies.
     */
    public record Run(Map<String, Long> answers, long accepted, double seconds, Latencies latencies) {
        public double acceptedPerSecond() {
            return accepted / seconds;
        }

        public long notAccepted() {
            return answers.entrySet().stream().filter(e -> !e.getKey().equals(ACCEPTED) && !e.getKey().equals(PENDING))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    public Run closedLoop(List<HttpRequest> requests, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        Tally tally = new Tally(requests.size());
        long start = System.nanoTime();
        for (HttpRequest request : requests) {
            inFlight.acquire();
            long sent = System.nanoTime();
            send(request, sent, tally).whenComplete((ignored, error) -> inFlight.release());
        }
        inFlight.acquire(concurrency);
        return tally.run((System.nanoTime() - start) / 1e9);
    }

    public Run openLoop(List<HttpRequest> requests, double perSecond) throws InterruptedException {
        Tally tally = new Tally(requests.size());
        long start = System.nanoTime();
        long interval = (long) (1e9 / perSecond);
        CompletableFuture<?>[] all = new CompletableFuture<?>[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            all[i] = send(requests.get(i), due, tally);
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        return tally.run((System.nanoTime() - start) / 1e9);
    }

    private CompletableFuture<Void> send(HttpRequest request, long due, Tally tally) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    tally.record(error == null ? kind(response) : "no answer", (System.nanoTime() - due) / 1e6);
                    return null;
                });
    }

    private static String kind(HttpResponse<String> response) {
        return switch (response.statusCode()) {
            case 200 -> response.body().contains("\"ACCEPTED\"") ? ACCEPTED : "200 REJECTED";
            case 202 -> PENDING;
            default -> Integer.toString(response.statusCode());
        };
    }

    /** Counts answers from many threads. */
    private static final class Tally {
        private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        private final double[] latencies;
        private final AtomicLong next = new AtomicLong();

        Tally(int size) {
            this.latencies = new double[size];
        }

        void record(String kind, double millis) {
            answers.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            int slot = (int) next.getAndIncrement();
            if (slot < latencies.length) {
                latencies[slot] = millis;
            }
        }

        Run run(double seconds) {
            Map<String, Long> counts = new java.util.TreeMap<>();
            answers.forEach((kind, count) -> counts.put(kind, count.get()));
            long accepted = counts.getOrDefault(ACCEPTED, 0L) + counts.getOrDefault(PENDING, 0L);
            int filled = (int) Math.min(next.get(), latencies.length);
            return new Run(counts, accepted, seconds, new Latencies(java.util.Arrays.copyOf(latencies, filled)));
        }
    }
}
