package io.eventpipe.relay.redis;

import io.eventpipe.common.state.SharedKeys;
import io.eventpipe.common.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * What all relays share through Redis: spent challenges and signatures (single use everywhere),
 * the challenge rate, and the certificates of registered devices. Redis being unreachable is
 * an {@link Unavailable}: callers refuse the request (503) rather than let it through.
 */
public final class SharedState implements AutoCloseable {

    private static final String PREFIX = SharedKeys.PREFIX;

    private final JedisPooled redis;
    private final EventRecords events;

    public SharedState(String uri) {
        this.redis = new JedisPooled(java.net.URI.create(uri), 2000);
        this.events = new EventRecords(redis);
    }

    /** Events' owners and statuses, for idempotency and GET /v1/events/{id}. */
    public EventRecords events() {
        return events;
    }

    /** A registered device: its certificate and the issuing relay's certificate, as PEM. */
    public record DeviceRecord(String certificatePem, String issuerPem) {
    }

    /** True the first time the value is spent (until it expires); false when it was spent before. */
    public boolean spendOnce(String kind, String value, Instant expiresAt) {
        String key = PREFIX + kind + ":" + Sha256.hex(value.getBytes(StandardCharsets.UTF_8));
        long expiry = Math.max(expiresAt.getEpochSecond(), Instant.now().getEpochSecond() + 1);
        return call(() -> "OK".equals(redis.set(key, "1", SetParams.setParams().nx().exAt(expiry))));
    }

    /** Increments a counter that lives for the window; the new count. */
    public long increment(String counter, Duration window) {
        String key = PREFIX + counter;
        return call(() -> {
            long count = redis.incr(key);
            if (count == 1) {
                redis.expire(key, window.toSeconds());
            }
            return count;
        });
    }

    // KEYS[1] bucket; ARGV: burst, tokens per ms, now ms. Returns {allowed, retry-after ms}.
    private static final String TAKE_TOKEN = """
            local burst = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or burst
            local at = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
            return {allowed, wait}
            """;

    /** Takes one token from a shared bucket: 0 when there was one, else the milliseconds until there is. */
    public long takeToken(String bucket, long burst, double tokensPerMilli, long nowMillis) {
        List<?> answer = call(() -> (List<?>) redis.eval(TAKE_TOKEN, List.of(PREFIX + "rate:" + bucket),
                List.of(Long.toString(burst), Double.toString(tokensPerMilli), Long.toString(nowMillis))));
        return ((Long) answer.get(0)) == 1 ? 0 : Math.max(1, (Long) answer.get(1));
    }

    public void putDevice(String deviceId, DeviceRecord record, Instant expiresAt) {
        String key = PREFIX + "device:" + deviceId;
        call(() -> {
            redis.hset(key, Map.of("certificate", record.certificatePem(), "issuer", record.issuerPem()));
            redis.expireAt(key, expiresAt.getEpochSecond());
            return null;
        });
    }

    /**
     * Whether an admin revoked the device: the key eventpipe:device-revoked:{deviceId} (written by
     * admin-service, with the reason as its value). Checked on every request and registration.
     */
    public boolean isDeviceRevoked(String deviceId) {
        return call(() -> redis.exists(SharedKeys.deviceRevoked(deviceId)));
    }

    public Optional<DeviceRecord> device(String deviceId) {
        Map<String, String> fields = call(() -> redis.hgetAll(PREFIX + "device:" + deviceId));
        if (fields == null || !fields.containsKey("certificate") || !fields.containsKey("issuer")) {
            return Optional.empty();
        }
        return Optional.of(new DeviceRecord(fields.get("certificate"), fields.get("issuer")));
    }

    public boolean isReachable() {
        try {
            return "PONG".equals(redis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    private static <T> T call(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new Unavailable(e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    /** Redis could not be reached or answered with an error. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(Throwable cause) {
            super("shared state (Redis) unavailable: " + cause.getMessage(), cause);
        }
    }
}
