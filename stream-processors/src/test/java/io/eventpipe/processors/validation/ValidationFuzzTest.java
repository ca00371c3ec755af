package io.eventpipe.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventPackage;
import io.eventpipe.schemas.registry.AvroSerializer;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.testkit.Mutator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, the consumer side of fuzzing: mutated event bodies in correctly signed packages (so they
 * reach the validator), and mutated Avro records (poison pills). Every input comes out exactly once,
 * validated or in the DLQ, and the topology never stops. -Deventpipe.fuzz.iterations=N runs longer.
 */
class ValidationFuzzTest extends TopologyTestBase {

    private static final int ITERATIONS = Mutator.iterations(400);

    @Test
    void mutatedBodiesInSignedPackagesComeOutExactlyOnce() {
        String valid = body("2026-11-24T07:00:00Z");
        for (int i = 0; i < ITERATIONS; i++) {
            String mutated = new Mutator(i).mutate(valid);
            send(packages.pkg(EVENT_ID, mutated, NOW).setEventHash(hashOf(mutated)).build());
            assertExactlyOneOutcome("seed " + i + ": " + mutated);
        }
    }

    @Test
    void mutatedRecordsAreDeadLetteredByteForByte() {
        EventPackage pkg = pkg(body("2026-11-24T07:00:00Z"), hashOf(body("2026-11-24T07:00:00Z")));
        byte[] valid = new AvroSerializer<EventPackage>(registry, false).serialize(Topics.EVENTS_INCOMING.name(), pkg);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] mutated = new Mutator(10_000 + i).mutate(valid);
            incoming.pipeInput(new TestRecord<>("device-1", mutated, new RecordHeaders(), NOW));
            assertExactlyOneOutcome("seed " + (10_000 + i) + ": " + new String(mutated, StandardCharsets.ISO_8859_1));
        }
    }

    private void assertExactlyOneOutcome(String input) {
        int outcomes = 0;
        while (!validated.isEmpty()) {
            validated.readValue();
            outcomes++;
        }
        while (!rejected.isEmpty()) {
            assertThat(rejected.readValue().getReasons()).as("a DLQ entry carries its reason: " + input).isNotEmpty();
            outcomes++;
        }
        while (!results.isEmpty()) {
            results.readValue();
        }
        assertThat(outcomes).as("validated or dead-lettered exactly once: " + input).isEqualTo(1);
    }
}
