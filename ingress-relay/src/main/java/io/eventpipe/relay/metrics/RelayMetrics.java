package io.eventpipe.relay.metrics;

import io.eventpipe.relay.pow.Difficulty;
import io.eventpipe.relay.ratelimit.RateLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The relay's Prometheus metrics (GET /metrics): JVM, proof of work, rate limits. */
public final class RelayMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public RelayMetrics(RateLimiter limiter, Difficulty difficulty) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        FunctionCounter.builder("eventpipe.ratelimit.refused", limiter, RateLimiter::refusedRequests)
                .description("requests refused with 429").register(registry);
        FunctionCounter.builder("eventpipe.ratelimit.degraded", limiter, RateLimiter::degradedDecisions)
                .description("rate-limit decisions taken locally because Redis was unavailable").register(registry);
        Gauge.builder("eventpipe.pow.difficulty", difficulty, Difficulty::lastIssued)
                .description("leading zero bits asked by the last challenge issued").register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
