package io.eventpipe.relay.ratelimit;

import io.eventpipe.relay.redis.SharedState;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits shared by all relays: token buckets in Redis, updated atomically by a script.
 * When Redis cannot be reached, the same limits apply per relay from local buckets, and the
 * degradation is counted (a metric) and logged.
 */
public final class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final SharedState shared;
    private final LocalBuckets local = new LocalBuckets();
    private final Clock clock;
    private final AtomicLong degraded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public RateLimiter(SharedState shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    /** Takes one token from the bucket of the limit and key (an IP address or a device id). */
    public Decision take(Limit limit, String key) {
        String bucket = limit.name() + ":" + key;
        long now = clock.millis();
        Decision decision;
        try {
            decision = Decision.afterWaiting(shared.takeToken(bucket, limit.burst(), limit.tokensPerMilli(), now));
        } catch (SharedState.Unavailable e) {
            if (degraded.getAndIncrement() % 1000 == 0) {
                LOG.warn("rate limits are local to this relay while Redis is unavailable: {}", e.getMessage());
            }
            decision = local.take(bucket, limit, now);
        }
        if (!decision.allowed()) {
            refused.incrementAndGet();
        }
        return decision;
    }

    /** Decisions taken from local buckets because Redis was unavailable. */
    public long degradedDecisions() {
        return degraded.get();
    }

    public long refusedRequests() {
        return refused.get();
    }
}
