package io.eventpipe.relay.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/** Event records in the real Redis: the status only moves forward, whatever order the stages report in, and no result is lost. */
@ExtendWith(RealServers.class)
class EventRecordsIT {

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-24T12:00:00Z");
    private static final java.time.Duration LEASE = java.time.Duration.ofSeconds(40);

    @Test
    void statusMovesForwardAndEveryStagesFieldsAreKept(TestServers servers) {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(servers.redis().uri()))) {
            EventRecords records = new EventRecords(redis);
            String eventId = UUID.randomUUID().toString();
            assertThat(records.claim(eventId, "device-1", "ab", NOW, LEASE)).isEqualTo(EventRecords.Claim.NEW);
            assertThat(records.advance(eventId, "ACCEPTED", Map.of())).isTrue();
            // the anchor sink can be quicker than the archive
            assertThat(records.advance(eventId, "ANCHORED", Map.of("receipt", "{\"block\":1}"))).isTrue();
            assertThat(records.advance(eventId, "STORED", Map.of("bucket", "eventpipe", "key", "events/x.json"))).isFalse();
            // a reorg: ANCHORED again with the new receipt
            assertThat(records.advance(eventId, "ANCHORED", Map.of("receipt", "{\"block\":2}"))).isFalse();

            Map<String, String> record = records.get(eventId).orElseThrow();
            assertThat(record).containsEntry("status", "ANCHORED").containsEntry("key", "events/x.json")
                    .containsEntry("receipt", "{\"block\":2}");
            assertThat(records.advance(eventId, "FINAL", Map.of())).isTrue();
            assertThat(records.advance(eventId, "ACCEPTED", Map.of())).isFalse();
            assertThat(records.get(eventId).orElseThrow()).containsEntry("status", "FINAL");
        }
    }

    @Test
    void aRejectedEventStaysRejected(TestServers servers) {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(servers.redis().uri()))) {
            EventRecords records = new EventRecords(redis);
            String eventId = UUID.randomUUID().toString();
            records.claim(eventId, "device-1", "ab", NOW, LEASE);
            assertThat(records.advance(eventId, "REJECTED", Map.of("reasons", "[]"))).isTrue();
            assertThat(records.advance(eventId, "STORED", Map.of("key", "k"))).isFalse();
            assertThat(records.get(eventId).orElseThrow()).containsEntry("status", "REJECTED").doesNotContainKey("key");
        }
    }

    /**
     * Issue 10: a relay killed between its claim and the broker's acknowledgement must not lose the
     * event: a re-send within the lease is told to retry, after it takes the claim over (once).
     */
    @Test
    void anUnconfirmedClaimIsTakenOverAfterItsLeaseOnlyOnce(TestServers servers) {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(servers.redis().uri()))) {
            EventRecords records = new EventRecords(redis);
            String eventId = UUID.randomUUID().toString();
            assertThat(records.claim(eventId, "device-1", "ab", NOW, LEASE)).isEqualTo(EventRecords.Claim.NEW);
            assertThat(records.get(eventId).orElseThrow()).containsEntry("status", "RECEIVED");
            assertThat(records.claim(eventId, "device-1", "ab", NOW.plusSeconds(10), LEASE)).isEqualTo(EventRecords.Claim.IN_FLIGHT);
            assertThat(records.claim(eventId, "device-2", "ab", NOW.plusSeconds(10), LEASE)).isEqualTo(EventRecords.Claim.CONFLICT);
            java.time.Instant later = NOW.plus(LEASE).plusSeconds(1);
            assertThat(records.claim(eventId, "device-1", "ab", later, LEASE)).isEqualTo(EventRecords.Claim.TAKEN_OVER);
            assertThat(records.claim(eventId, "device-1", "ab", later, LEASE)).as("the new claim has its own lease")
                    .isEqualTo(EventRecords.Claim.IN_FLIGHT);
            records.markQueued(eventId);
            assertThat(records.get(eventId).orElseThrow()).containsEntry("status", "PENDING");
            assertThat(records.claim(eventId, "device-1", "ab", later.plus(LEASE).plus(LEASE), LEASE)).isEqualTo(EventRecords.Claim.SAME);
        }
    }

    @Test
    void aResultArrivingBeforeTheQueuedMarkIsNotMovedBack(TestServers servers) {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(servers.redis().uri()))) {
            EventRecords records = new EventRecords(redis);
            String eventId = UUID.randomUUID().toString();
            records.claim(eventId, "device-1", "ab", NOW, LEASE);
            assertThat(records.advance(eventId, "ACCEPTED", Map.of())).isTrue();
            records.markQueued(eventId);
            assertThat(records.get(eventId).orElseThrow()).containsEntry("status", "ACCEPTED");
        }
    }
}
