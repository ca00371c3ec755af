package io.eventpipe.relay.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What any relay needs to answer for an event: who sent it, its hash, and how far it has come.
 * A record is claimed once per event id (idempotent re-sends, 409 on another body), and its
 * status only moves forward, whatever order the results arrive in.
 */
public final class EventRecords {

    /** How long a relay remembers events, for idempotency and status queries. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final String PREFIX = "eventpipe:event:";
    private static final List<String> ORDER = List.of("PENDING", "ACCEPTED", "STORED", "ANCHORED", "FINAL");

    // A claim is RECEIVED (rank -1) until the relay that made it has the broker's acknowledgement of the
    // publish; only then is it PENDING. A relay killed in between leaves a RECEIVED claim that a re-send
    // takes over once its lease has passed, so the event is published after all instead of being lost.
    // KEYS[1] record; ARGV: deviceId, eventHash, ttl seconds, now millis. Returns "NEW", or the existing
    // record's device, hash, status and claim time.
    private static final String CLAIM = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return redis.call('HMGET', KEYS[1], 'deviceId', 'eventHash', 'status', 'claimedAt')
            end
            redis.call('HSET', KEYS[1], 'deviceId', ARGV[1], 'eventHash', ARGV[2], 'status', 'RECEIVED', 'rank', -1,
              'claimedAt', ARGV[4])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return 'NEW'
            """;
    // KEYS[1] record; ARGV: the claim time seen, now millis. Takes over a RECEIVED claim nobody renewed meanwhile.
    private static final String TAKE_OVER = """
            if redis.call('HGET', KEYS[1], 'status') == 'RECEIVED' and redis.call('HGET', KEYS[1], 'claimedAt') == ARGV[1] then
              redis.call('HSET', KEYS[1], 'claimedAt', ARGV[2])
              return 1
            end
            return 0
            """;
    // KEYS[1] record; ARGV: status, rank, then field/value pairs. REJECTED is final; other statuses only move up,
    // but the fields of every result are kept: stages report independently (STORED may come after ANCHORED) and a
    // reorg re-announces ANCHORED with a new receipt.
    private static final String ADVANCE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local current = redis.call('HGET', KEYS[1], 'status')
            local rank = tonumber(redis.call('HGET', KEYS[1], 'rank') or '0')
            if current == 'REJECTED' then return 0 end
            for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            if ARGV[1] ~= 'REJECTED' and tonumber(ARGV[2]) <= rank then return 0 end
            redis.call('HSET', KEYS[1], 'status', ARGV[1], 'rank', ARGV[2])
            return 1
            """;

    private final JedisPooled redis;

    EventRecords(JedisPooled redis) {
        this.redis = redis;
    }

    /**
     * The outcome of claiming an event id: NEW (publish it), SAME (published before: answer from the
     * record), CONFLICT (another body or device), IN_FLIGHT (a relay is publishing it now: retry
     * shortly), TAKEN_OVER (a claim whose relay died before the broker confirmed it: publish it).
     */
    public enum Claim { NEW, SAME, CONFLICT, IN_FLIGHT, TAKEN_OVER }

    public Claim claim(String eventId, String deviceId, String eventHash, Instant now, Duration lease) {
        Object answer = call(() -> redis.eval(CLAIM, List.of(PREFIX + eventId),
                List.of(deviceId, eventHash, Long.toString(RETENTION.toSeconds()), Long.toString(now.toEpochMilli()))));
        if ("NEW".equals(answer)) {
            return Claim.NEW;
        }
        List<?> existing = (List<?>) answer;
        if (!deviceId.equals(existing.get(0)) || !eventHash.equals(existing.get(1))) {
            return Claim.CONFLICT;
        }
        if (!"RECEIVED".equals(existing.get(2))) {
            return Claim.SAME;
        }
        String claimedAt = (String) existing.get(3);
        boolean abandoned = claimedAt == null || Long.parseLong(claimedAt) + lease.toMillis() < now.toEpochMilli();
        if (abandoned && Long.valueOf(1).equals(call(() -> redis.eval(TAKE_OVER, List.of(PREFIX + eventId),
                List.of(String.valueOf(claimedAt), Long.toString(now.toEpochMilli())))))) {
            return Claim.TAKEN_OVER;
        }
        return Claim.IN_FLIGHT;
    }

    /** The broker acknowledged the publish: the claim becomes PENDING (unless a result already moved it on). */
    public void markQueued(String eventId) {
        advance(eventId, "PENDING", Map.of());
    }

    /** Forgets a claim whose event could not be queued, so that the device can send it again. */
    public void release(String eventId) {
        call(() -> redis.del(PREFIX + eventId));
    }

    /** Moves the record to the status (if that is forward) and keeps the fields (reasons, storage, receipt) in any case. */
    public boolean advance(String eventId, String status, Map<String, String> fields) {
        int rank = ORDER.indexOf(status);
        List<String> args = new java.util.ArrayList<>(List.of(status, Integer.toString(Math.max(rank, 0))));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        Object changed = call(() -> redis.eval(ADVANCE, List.of(PREFIX + eventId), args));
        return Long.valueOf(1).equals(changed);
    }

    public Optional<Map<String, String>> get(String eventId) {
        Map<String, String> record = call(() -> redis.hgetAll(PREFIX + eventId));
        return record == null || record.isEmpty() ? Optional.empty() : Optional.of(record);
    }

    private static <T> T call(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new SharedState.Unavailable(e);
        }
    }
}
