package io.eventpipe.relay.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets in this process: the fallback while Redis is away. Each relay then enforces the
 * limits alone (N relays let at most N times the rate through): degraded, never open.
 */
final class LocalBuckets {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_KEYS; // bounded memory under a flood of distinct keys
        }
    };

    synchronized Decision take(String key, Limit limit, long nowMillis) {
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {limit.burst(), nowMillis});
        double tokens = Math.min(limit.burst(), bucket[0] + (nowMillis - bucket[1]) * limit.tokensPerMilli());
        bucket[1] = nowMillis;
        if (tokens >= 1) {
            bucket[0] = tokens - 1;
            return Decision.ALLOW;
        }
        bucket[0] = tokens;
        return Decision.afterWaiting((long) Math.ceil((1 - tokens) / limit.tokensPerMilli()));
    }
}
