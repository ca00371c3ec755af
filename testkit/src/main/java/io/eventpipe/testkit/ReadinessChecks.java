package io.eventpipe.testkit;

import io.eventpipe.stack.Await;
import io.eventpipe.stack.HttpProbe;
import java.time.Duration;

/**
 * One dependency outage as a readiness test sees it: /ready turns 503 and names the dependency,
 * /health stays 200, and /ready is 200 again once the dependency is back, with no restart.
 */
public final class ReadinessChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final String base;

    /** For the management (or HTTP) server at base, e.g. http://127.0.0.1:PORT. */
    public ReadinessChecks(String base) {
        this.base = base;
    }

    public void awaitReady(String why) {
        Await.until(why, TIMEOUT, () -> HttpProbe.status(base + "/ready", PROBE_TIMEOUT) == 200);
    }

    /** An action that stops or starts a dependency. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Stops the dependency, awaits a 503 whose reason contains reasonPart, starts it again, awaits 200. */
    public void outage(String dependency, String reasonPart, Action stop, Action start) throws Exception {
        stop.run();
        Await.until("/ready to say " + reasonPart + " without the " + dependency, TIMEOUT, () -> {
            HttpProbe.Answer ready = HttpProbe.get(base + "/ready", PROBE_TIMEOUT);
            return ready.status() == 503 && ready.body().contains(reasonPart);
        });
        int health = HttpProbe.status(base + "/health", PROBE_TIMEOUT);
        if (health != 200) {
            throw new AssertionError("/health answered " + health + " while the " + dependency + " was away; expected 200");
        }
        start.run();
        awaitReady("ready once the " + dependency + " is back");
    }
}
