package io.eventpipe.testkit;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devices sending events at a steady rate through faults, as the capture app does: each event is
 * sent until the relay takes it (200 or 202), signed anew on every attempt, with the same event id
 * and body (the relay answers a re-send idempotently), waiting out Retry-After on 429 and 503.
 * Records every answer, so that a test can check clients saw documented errors and never a 500.
 */
public final class SteadyLoad implements AutoCloseable {

    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final long BACKOFF_MILLIS = 500;

    private final List<DeviceClient> devices;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    private SteadyLoad(List<DeviceClient> devices) {
        this.devices = devices;
    }

    /** Registers the devices and starts sending perSecond events (an event body from the given function of its id). */
    public static SteadyLoad start(String relayUrl, int deviceCount, double perSecond, java.util.function.Function<String, String> event)
            throws IOException, InterruptedException {
        List<DeviceClient> devices = new java.util.ArrayList<>();
        for (int i = 0; i < deviceCount; i++) {
            DeviceClient device = new DeviceClient(relayUrl);
            device.register();
            devices.add(device);
        }
        SteadyLoad load = new SteadyLoad(devices);
        long period = (long) (1_000_000 / perSecond);
        load.clock.scheduleAtFixedRate(() -> load.senders.submit(() -> load.deliver(event)), 0, period, TimeUnit.MICROSECONDS);
        return load;
    }

    private void deliver(java.util.function.Function<String, String> event) {
        long n = next.getAndIncrement();
        DeviceClient device = devices.get((int) (n % devices.size()));
        String eventId = UUID.randomUUID().toString();
        String body = event.apply(eventId);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            long wait = BACKOFF_MILLIS;
            try {
                HttpResponse<String> response = device.postEvent(body);
                count(Integer.toString(response.statusCode()));
                if (response.statusCode() == 200 || response.statusCode() == 202) {
                    accepted.add(eventId);
                    return;
                }
                if (response.statusCode() != 429 && response.statusCode() != 503) {
                    abandoned.add(eventId); // a documented refusal of this event: sending it again will not help
                    return;
                }
                wait = response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s) * 1000).orElse(BACKOFF_MILLIS);
            } catch (IOException e) {
                count("no answer (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(wait); // a client's backoff between attempts, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        abandoned.add(eventId);
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
    }

    /** Stops sending new events and waits for those under way (each until taken or given up). */
    public void stop() throws InterruptedException {
        clock.shutdownNow();
        senders.shutdown();
        if (!senders.awaitTermination(GIVE_UP.toSeconds() + 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("events still being sent after " + GIVE_UP);
        }
    }

    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    /** Events given up on: refused with a 4xx other than 429, or not taken within the deadline. */
    public Set<String> abandoned() {
        return Set.copyOf(abandoned);
    }

    /** Every answer seen, by status code or kind of failure. */
    public Map<String, Long> answers() {
        Map<String, Long> copy = new TreeMap<>();
        answers.forEach((answer, count) -> copy.put(answer, count.get()));
        return copy;
    }

    @Override
    public void close() throws InterruptedException {
        if (!senders.isShutdown()) {
            stop();
        }
    }
}
