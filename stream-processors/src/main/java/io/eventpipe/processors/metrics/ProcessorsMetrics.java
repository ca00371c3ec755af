package io.eventpipe.processors.metrics;

import io.eventpipe.avro.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The processors' SLIs: events per branch, rejections per reason, time from the relay's receipt
 * to validation and to the archive, archive retries and media found missing.
 */
public final class ProcessorsMetrics {

    private final MeterRegistry registry;
    private final Counter valid;
    private final Counter rejected;
    private final Timer validationLatency;
    private final Counter stored;
    private final Counter archiveRetries;
    private final Counter mediaMissing;
    private final Timer archiveLatency;

    public ProcessorsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.valid = branch("valid");
        this.rejected = branch("rejected");
        this.validationLatency = latency("eventpipe.validation.latency", "from the relay's receipt to the validation verdict");
        this.stored = Counter.builder("eventpipe.archive.stored").description("events archived in object storage").register(registry);
        this.archiveRetries = Counter.builder("eventpipe.archive.retries")
                .description("archive attempts that failed and will be retried (object storage unavailable)").register(registry);
        this.mediaMissing = Counter.builder("eventpipe.archive.media.missing")
                .description("media objects an archived event cites that were not in object storage").register(registry);
        this.archiveLatency = latency("eventpipe.archive.latency", "from the relay's receipt to the event being archived");
    }

    /** Metrics that go nowhere, for tests of the topology. */
    public static ProcessorsMetrics discarding() {
        return new ProcessorsMetrics(new SimpleMeterRegistry());
    }

    private Counter branch(String outcome) {
        return Counter.builder("eventpipe.validation.events").description("events validated, by branch")
                .tag("outcome", outcome).register(registry);
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
    }

    public void validated(Instant receivedAt, Instant now) {
        valid.increment();
        validationLatency.record(nonNegative(receivedAt, now));
    }

    public void rejected(List<RejectionReason> reasons, Instant receivedAt, Instant now) {
        rejected.increment();
        reasons.forEach(reason -> Counter.builder("eventpipe.validation.rejections").description("rejection reasons, one per reason")
                .tag("reason", reason.getCode()).register(registry).increment());
        if (receivedAt != null) {
            validationLatency.record(nonNegative(receivedAt, now));
        }
    }

    public void stored(Instant receivedAt, Instant now, int missingMedia) {
        stored.increment();
        mediaMissing.increment(missingMedia);
        archiveLatency.record(nonNegative(receivedAt, now));
    }

    public void archiveRetry() {
        archiveRetries.increment();
    }

    public MeterRegistry registry() {
        return registry;
    }

    private static Duration nonNegative(Instant from, Instant to) {
        Duration elapsed = Duration.between(from, to);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
