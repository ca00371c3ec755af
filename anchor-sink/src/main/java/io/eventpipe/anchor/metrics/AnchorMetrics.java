package io.eventpipe.anchor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The anchor sink's SLIs: batch size and age at closing, leaves pending, time from batch to
 * inclusion, gas per event, fees paid, confirmations of the newest inclusion, reorgs seen,
 * replacements sent.
 */
public final class AnchorMetrics {

    private final DistributionSummary batchSize;
    private final Timer batchAge;
    private final Timer anchorLatency;
    private final DistributionSummary gasPerEvent;
    private final Counter feePaidGwei;
    private final Counter reorgs;
    private final Counter replacements;
    private final AtomicLong confirmations = new AtomicLong();

    private final AtomicLong consumerLag = new AtomicLong();

    public AnchorMetrics(MeterRegistry registry, Supplier<Number> leavesPending) {
        this.batchSize = DistributionSummary.builder("eventpipe.anchor.batch.size").description("events per closed batch")
                .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(1_000_000.0).register(registry);
        this.batchAge = latency(registry, "eventpipe.anchor.batch.age", "how long the first event of a batch waited for it to close");
        this.anchorLatency = latency(registry, "eventpipe.anchor.latency", "from a batch closing to its transaction being mined");
        this.gasPerEvent = DistributionSummary.builder("eventpipe.anchor.gas.per.event").description("gas used by a batch per event")
                .publishPercentileHistogram().minimumExpectedValue(0.01).maximumExpectedValue(100_000.0).register(registry);
        this.feePaidGwei = Counter.builder("eventpipe.anchor.fee.paid.gwei").description("transaction fees paid, in gwei")
                .register(registry);
        this.reorgs = Counter.builder("eventpipe.anchor.reorgs").description("inclusions undone by a chain reorganisation")
                .register(registry);
        this.replacements = Counter.builder("eventpipe.anchor.replacements")
                .description("transactions replaced with higher fees or re-sent after being dropped").register(registry);
        registry.gauge("eventpipe.anchor.confirmations", confirmations);
        Gauge.builder("eventpipe.consumer.lag", consumerLag, AtomicLong::get).tag("group", "anchor-sink")
                .description("validated events not yet read by the anchor sink (its consumer's own view)").register(registry);
        // strong reference: Micrometer holds gauge state weakly, and this supplier has no other owner
        Gauge.builder("eventpipe.anchor.leaves.pending", leavesPending, s -> s.get().doubleValue())
                .description("events in batches not yet mined").strongReference(true).register(registry);
    }

    private static Timer latency(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(2)).register(registry);
    }

    /** The consumer's lag behind the end of events.validated, as its last fetch saw it. */
    public void consumerLag(long lag) {
        consumerLag.set(lag);
    }

    public void batchClosed(int size, Duration age) {
        batchSize.record(size);
        batchAge.record(age.isNegative() ? Duration.ZERO : age);
    }

    public void included(Duration sinceBatch, int treeSize, long gasUsed, BigInteger effectiveGasPrice) {
        anchorLatency.record(sinceBatch.isNegative() ? Duration.ZERO : sinceBatch);
        gasPerEvent.record((double) gasUsed / treeSize);
        feePaidGwei.increment(effectiveGasPrice.multiply(BigInteger.valueOf(gasUsed)).doubleValue() / 1e9);
    }

    public void confirmations(long seen) {
        confirmations.set(seen);
    }

    public void reorg() {
        reorgs.increment();
    }

    public void replacement() {
        replacements.increment();
    }
}
