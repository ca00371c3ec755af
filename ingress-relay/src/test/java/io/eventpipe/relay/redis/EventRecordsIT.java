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

    @Test
    void statusMovesForwardAndEveryStagesFieldsAreKept(TestServers servers) {
        try (JedisPooled redis = new JedisPooled(java.net.URI.create(servers.redis().uri()))) {
            EventRecords records = new EventRecords(redis);
            String eventId = UUID.randomUUID().toString();
            assertThat(records.claim(eventId, "device-1", "ab")).isEqualTo(EventRecords.Claim.NEW);
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
            records.claim(eventId, "device-1", "ab");
            assertThat(records.advance(eventId, "REJECTED", Map.of("reasons", "[]"))).isTrue();
            assertThat(records.advance(eventId, "STORED", Map.of("key", "k"))).isFalse();
            assertThat(records.get(eventId).orElseThrow()).containsEntry("status", "REJECTED").doesNotContainKey("key");
        }
    }
}
