package io.eventpipe.relay.kafka;

import io.eventpipe.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A newly enrolled relay may reach the broker before an admin approved it: until then its
 * principal has no ACL and every request is refused. It waits here rather than failing, so that
 * approval alone brings it up, with no restart.
 */
public final class KafkaAccess {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAccess.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private KafkaAccess() {
    }

    /** Returns once this relay may describe events.incoming, which approval grants with the rest of its ACLs. */
    public static void awaitGranted(KafkaClients kafka, String relayId) {
        Duration backoff = Duration.ofMillis(200);
        long attempts = 0;
        while (!granted(kafka)) {
            if (attempts++ % 20 == 0) {
                LOG.info("relay {} is not authorized on Kafka yet: waiting for an admin to approve it", relayId);
            }
            LockSupport.parkNanos(backoff.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for approval");
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private static boolean granted(KafkaClients kafka) {
        // a new client each time: a refused client keeps its failed metadata
        try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(kafka.config(Map.of()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return !probe.partitionsFor(Topics.EVENTS_INCOMING.name(), PROBE_TIMEOUT).isEmpty();
        } catch (AuthorizationException e) {
            return false;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.warn("Kafka not reachable to check this relay's authorization: {}", e.getMessage());
            return false;
        }
    }
}
