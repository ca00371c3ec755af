package io.eventpipe.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.EventStatus;
import io.eventpipe.avro.RejectionReason;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.processors.ProcessorsFixture;
import io.eventpipe.processors.SignedPackages;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The validation topology on the real broker and registry, following label configs and the relay registry as they change. */
@ExtendWith(RealServers.class)
class ValidationIT {

    @Test
    void aLabelConfigPublishedAfterStartIsAppliedWithinSeconds(TestServers servers, @TempDir Path dir) throws Exception {
        try (ProcessorsFixture fixture = new ProcessorsFixture(servers, dir)) {
            fixture.start("a");
            assertThat(fixture.awaitVerdict(fixture.submit())).isEqualTo(EventStatus.REJECTED);

            fixture.publishLabelConfig();
            Await.until("events citing the new label config to be accepted", Duration.ofSeconds(30), () -> {
                try {
                    return fixture.awaitVerdict(fixture.submit()) == EventStatus.ACCEPTED;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void eventsReceivedByARevokedRelayAreRejected(TestServers servers, @TempDir Path dir) throws Exception {
        try (ProcessorsFixture fixture = new ProcessorsFixture(servers, dir)) {
            fixture.publishLabelConfig();
            fixture.start("a");
            assertThat(fixture.awaitVerdict(fixture.submit())).isEqualTo(EventStatus.ACCEPTED);

            fixture.publish(Topics.RELAYS_REGISTRY, SignedPackages.RELAY_ID, RelayRecord.newBuilder()
                    .setRelayId(SignedPackages.RELAY_ID).setName("relay one").setStatus(RelayStatus.REVOKED)
                    .setRevokedAt(Instant.now()).setRevocationReason("key compromise").setUpdatedAt(Instant.now()).build());
            String afterRevocation = Await.value("an event after the revocation to be rejected", Duration.ofSeconds(30), () -> {
                try {
                    String eventId = fixture.submit();
                    return fixture.awaitVerdict(eventId) == EventStatus.REJECTED ? eventId : null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            EventResult result = fixture.results().get(afterRevocation).get(0);
            assertThat(result.getReasons()).extracting(RejectionReason::getCode).contains(Reasons.RELAY_REVOKED);
        } finally {
            // other tests of this broker use the same relay id
            try (ProcessorsFixture cleanup = new ProcessorsFixture(servers, dir)) {
                cleanup.publish(Topics.RELAYS_REGISTRY, SignedPackages.RELAY_ID, RelayRecord.newBuilder()
                        .setRelayId(SignedPackages.RELAY_ID).setName("relay one").setStatus(RelayStatus.APPROVED)
                        .setUpdatedAt(Instant.now()).build());
            }
        }
    }
}
