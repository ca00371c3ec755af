package io.eventpipe.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.testkit.Mutator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, fuzzing every consumer at once: mutated records (corrupt Avro, a valid header with
 * garbage, bytes that are not Avro at all) written into every topic of the catalogue while devices
 * send events. No service stops or stays unready, no consumer is stuck: every accepted event
 * still reconciles, and every service answers /ready 200 at the end.
 */
class ConsumersPoisonIT {

    private static final int PER_TOPIC = 30;

    @Test
    void poisonInEveryTopicStopsNoConsumer(@TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(dir)) {
            run.awaitMoreAccepted(10);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    run.stack().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                Mutator mutator = new Mutator(42);
                for (Topic<?> topic : Topics.ALL) {
                    for (int i = 0; i < PER_TOPIC; i++) {
                        byte[] seed = i % 2 == 0 ? new byte[] {0, 0, 0, 0, (byte) (1 + i % 5), 2, 4, 6, 8}
                                : ("{\"eventId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
                        producer.send(new ProducerRecord<>(topic.name(), "poison-" + i, mutator.mutate(seed)));
                    }
                }
                producer.flush();
            }
            run.awaitMoreAccepted(30);
            for (String url : new String[] {run.stack().relayUrl(), run.stack().processorsUrl(), run.stack().anchorSinkUrl(),
                run.stack().adminUrl()}) {
                io.eventpipe.stack.Await.until(url + "/ready after the poison", Duration.ofSeconds(60),
                        () -> HttpProbe.status(url + "/ready", Duration.ofSeconds(5)) == 200);
            }
            assertThat(run.stack().servicePids()).hasSize(4);
            run.assertNothingLost();
        }
    }
}
