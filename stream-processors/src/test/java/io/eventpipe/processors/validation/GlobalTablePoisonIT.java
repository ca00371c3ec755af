package io.eventpipe.processors.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventStatus;
import io.eventpipe.processors.ProcessorsApp;
import io.eventpipe.processors.ProcessorsFixture;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.testkit.Mutator;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, fuzzing the consumers of the processors' global tables on the real broker: corrupt
 * records in config.labels and relays.registry (topics only admin-service writes, under ACLs) are
 * skipped; the topology keeps running and validates the next events.
 */
@ExtendWith(RealServers.class)
class GlobalTablePoisonIT {

    @Test
    void corruptTableRecordsAreSkippedAndValidationGoesOn(TestServers servers, @TempDir Path dir) throws Exception {
        try (ProcessorsFixture fixture = new ProcessorsFixture(servers, dir)) {
            fixture.publishLabelConfig();
            ProcessorsApp app = fixture.start("poison");
            String before = fixture.submit();
            assertThat(fixture.awaitVerdict(before)).isEqualTo(EventStatus.ACCEPTED);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    servers.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                Mutator mutator = new Mutator(5);
                for (int i = 0; i < 20; i++) {
                    String key = "poison-" + UUID.randomUUID();
                    producer.send(new ProducerRecord<>(Topics.CONFIG_LABELS.name(), key, mutator.mutate(new byte[] {0, 0, 0, 0, 1, 9})));
                    producer.send(new ProducerRecord<>(Topics.RELAYS_REGISTRY.name(), key,
                            mutator.mutate("not avro".getBytes(StandardCharsets.UTF_8))));
                }
                producer.flush();
            }
            List<String> after = List.of(fixture.submit(), fixture.submit(), fixture.submit());
            fixture.awaitStatus(after, EventStatus.ACCEPTED, Duration.ofSeconds(60));
            assertThat(app.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
            // a processors instance starting now reads the poison from the beginning of the tables, and runs
            ProcessorsApp late = fixture.start("poison-late");
            io.eventpipe.stack.Await.until("a late instance to run past the poison", Duration.ofSeconds(60),
                    () -> late.state() == KafkaStreams.State.RUNNING);
        }
    }
}
