package io.eventpipe.bench.ceilings;

import io.eventpipe.stack.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * C1: Kafka's own ProducerPerformance, ConsumerPerformance and EndToEndLatency against the broker
 * of the stack under test, 1 KiB records, acks=all, each in its own JVM as Kafka ships them.
 */
public final class KafkaCeilings {

    public static final int RECORD_BYTES = 1024;
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);

    private final String bootstrapServers;

    public KafkaCeilings(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The C1 figures. */
    public record Result(KafkaToolOutput.Produced produced, KafkaToolOutput.Consumed consumed, KafkaToolOutput.EndToEnd endToEnd) {
    }

    public Result measure(int partitions, int records, int latencySamples) throws Exception {
        String topic = "bench.c1." + System.nanoTime();
        String latencyTopic = topic + ".e2e";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1), new NewTopic(latencyTopic, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            try {
                KafkaToolOutput.Produced produced = KafkaToolOutput.producer(run("org.apache.kafka.tools.ProducerPerformance",
                        "--topic", topic, "--num-records", Integer.toString(records), "--record-size", Integer.toString(RECORD_BYTES),
                        "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all"));
                KafkaToolOutput.Consumed consumed = KafkaToolOutput.consumer(run("org.apache.kafka.tools.ConsumerPerformance",
                        "--bootstrap-server", bootstrapServers, "--topic", topic, "--messages", Integer.toString(records),
                        "--timeout", "30000"));
                KafkaToolOutput.EndToEnd endToEnd = KafkaToolOutput.endToEnd(run("org.apache.kafka.tools.EndToEndLatency",
                        bootstrapServers, latencyTopic, Integer.toString(latencySamples), "all", Integer.toString(RECORD_BYTES)));
                return new Result(produced, consumed, endToEnd);
            } finally {
                admin.deleteTopics(List.of(topic, latencyTopic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs a Kafka tool to completion and returns what it printed. */
    private static String run(String mainClass, String... args) throws IOException, InterruptedException {
        java.nio.file.Path output = java.nio.file.Files.createTempFile("kafka-tool", ".out");
        try {
            Process process = new ProcessBuilder(KafkaBroker.toolCommand(mainClass, args)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within " + TOOL_TIMEOUT);
            }
            String text = java.nio.file.Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " exited with " + process.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            java.nio.file.Files.deleteIfExists(output);
        }
    }
}

