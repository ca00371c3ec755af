package io.eventpipe.bench;

import io.eventpipe.bench.ceilings.KafkaCeilings;
import io.eventpipe.bench.ceilings.PassThroughTopology;
import io.eventpipe.bench.ceilings.S3Puts;
import io.eventpipe.bench.load.BenchDevices;
import io.eventpipe.bench.load.HttpLoad;
import io.eventpipe.bench.load.TopicPump;
import io.eventpipe.bench.micro.JmhRunner;
import io.eventpipe.bench.report.Figure;
import io.eventpipe.bench.scenarios.AnchorCosts;
import io.eventpipe.bench.scenarios.AnchorLatency;
import io.eventpipe.bench.scenarios.MediaUploads;
import io.eventpipe.bench.scenarios.MemorySampler;
import io.eventpipe.bench.scenarios.RelayIngest;
import io.eventpipe.common.config.Settings;
import io.eventpipe.launcher.dev.DevOptions;
import io.eventpipe.launcher.dev.DevStack;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/** One run of every ceiling and scenario, in the order that keeps them from disturbing each other; collects the figures. */
final class BenchRun {

    private static final int UNLIMITED = 100_000_000;
    private static final Duration DRAIN = Duration.ofMinutes(3);

    private final Path home;
    private final Path dataDir;
    private final BenchSizes sizes;
    private final PrintStream log;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Double> peakRss = new LinkedHashMap<>();

    BenchRun(Path home, Path dataDir, BenchSizes sizes, PrintStream log) {
        this.home = home;
        this.dataDir = dataDir;
        this.sizes = sizes;
        this.log = log;
    }

    List<Figure> figures() {
        return figures;
    }

    List<String> notes() {
        return notes;
    }

    Map<String, Double> peakRss() {
        return peakRss;
    }

    void run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        step("C3, C4, S3: JMH (before the stack starts, so that nothing else runs)");
        Map<String, Double> jmh = JmhRunner.run(cores, sizes.quick());
        figure("C3.sha256_64B.hashes_per_s", "SHA-256 of 64 B, one thread", jmh.get("sha256Of64Bytes"), "hashes/s");
        figure("C3.sha256_1MiB.mib_per_s", "SHA-256 of 1 MiB, one thread", jmh.get("sha256Of1MiB"), "MiB/s");
        figure("C4.ed25519.verifications_per_s", "Ed25519 verifications (BouncyCastle RFC 8032, as the relay and processors), "
                + cores + " threads",
                jmh.get("ed25519Verify"), "verifications/s");
        figure("C4.ed25519_jdk.verifications_per_s", "the same with the JDK 17 provider (the relay's before the change), "
                + cores + " threads", jmh.get("ed25519VerifyJdk"), "verifications/s");
        figure("S3.merkle.leaves_per_s", "RFC 9162 tree of 65,536 event hashes, one thread", jmh.get("merkleTree") * 65_536, "leaves/s");
        figure("S3.verify_us", "verification of one inclusion proof (tree of 65,536)", 1e6 / jmh.get("merkleVerifyInclusion"), "µs");
        figure("S3.proof_bytes_1k", "inclusion proof of a batch of 1,000", proofBytes(1_000), "bytes");
        figure("S3.proof_bytes_100k", "inclusion proof of a batch of 100,000", proofBytes(100_000), "bytes");

        step("S7: cold start of the local stack (fresh data)");
        deleteRecursively(dataDir);
        DevOptions options = DevOptions.onFreePorts(home, dataDir);
        long start = System.nanoTime();
        DevStack stack = DevStack.start(options, relayOverrides());
        figure("S7.cold_start_s", "./eventpipe dev to ready, fresh data (servers, provisioning, services)", seconds(start), "s");
        try {
            measureWith(stack);
        } finally {
            stack.close();
        }
        step("S7: start again on the same data");
        start = System.nanoTime();
        try (DevStack again = DevStack.start(DevOptions.onFreePorts(home, dataDir), relayOverrides())) {
            figure("S7.warm_start_s", "./eventpipe dev to ready, data of a previous start", seconds(start), "s");
        }
    }

    private void measureWith(DevStack stack) throws Exception {
        String bootstrap = stack.kafkaBootstrapServers();
        int partitions = partitions(bootstrap, Topics.EVENTS_INCOMING.name());

        step("C1: Kafka's ProducerPerformance, ConsumerPerformance, EndToEndLatency");
        KafkaCeilings.Result c1 = new KafkaCeilings(bootstrap).measure(partitions, sizes.kafkaRecords(), sizes.latencySamples());
        figure("C1.produce.records_per_s", "ProducerPerformance, 1 KiB, acks=all", c1.produced().recordsPerSecond(), "records/s");
        figure("C1.consume.records_per_s", "ConsumerPerformance (fetch)", c1.consumed().fetchRecordsPerSecond(), "records/s");
        figure("C1.e2e.p50_ms", "EndToEndLatency p50", c1.endToEnd().p50Ms(), "ms");
        figure("C1.e2e.p99_ms", "EndToEndLatency p99", c1.endToEnd().p99Ms(), "ms");

        step("C5: direct S3 PUTs of 1 MiB");
        figure("C5.s3_put_1MiB.mib_per_s", "PUT of 1 MiB objects, " + sizes.uploadConcurrency() + " at once",
                S3Puts.megabytesPerSecond(stack.s3Settings(), sizes.s3Puts(), sizes.uploadConcurrency()), "MiB/s");

        step("devices: " + sizes.devices() + " registered, a photo each");
        BenchDevices devices = BenchDevices.register(stack.relayUrl(), sizes.devices());
        TopicPump pump = new TopicPump(bootstrap);
        Map<TopicPartition, Long> incomingBefore = pump.endOffsets(Topics.EVENTS_INCOMING.name());
        Map<TopicPartition, Long> resultsBefore = pump.endOffsets(Topics.EVENTS_RESULTS.name());
        List<String> sent = new ArrayList<>();

        RelayIngest ingest = new RelayIngest(devices);
        step("S1: warm-up (" + sizes.warmupEvents() + " events, not counted)");
        HttpLoad.Run warmup = ingest.closedLoop(sizes.warmupEvents(), sizes.concurrency(), sent);
        notes.add(String.format("S1 warm-up: %.1f events/s, answers %s", warmup.acceptedPerSecond(), warmup.answers()));
        step("S1 + S6: closed loop");
        HttpLoad.Run closed;
        try (MemorySampler memory = new MemorySampler(stack.servicePids(), metricsUrls(stack))) {
            closed = ingest.closedLoop(sizes.closedLoopEvents(), sizes.concurrency(), sent);
            memory.peaks().forEach((service, peak) -> {
                peakRss.put(service, peak.rssMib());
                figure("S6." + service + ".rss_mib", service + " peak resident memory at S1 load", peak.rssMib(), "MiB");
                figure("S6." + service + ".heap_mib", service + " peak heap in use at S1 load", peak.heapMib(), "MiB");
            });
        }
        figure("S1.closed.accepted_per_s", "relay: events accepted per second, " + sizes.concurrency() + " in flight",
                closed.acceptedPerSecond(), "events/s");
        notes.add("S1 closed loop answers: " + closed.answers());
        double rate = closed.acceptedPerSecond() / 2;
        step(String.format("S1: open loop at %.0f events/s", rate));
        HttpLoad.Run open = ingest.openLoop(rate, sizes.openLoopSeconds(), sent);
        figure("S1.open.rate_per_s", "open-loop rate (half the closed-loop figure)", rate, "events/s");
        figure("S1.open.p50_ms", "round trip p50 at that rate (from when each request was due)", open.latencies().percentile(50), "ms");
        figure("S1.open.p99_ms", "round trip p99 at that rate", open.latencies().percentile(99), "ms");
        notes.add("S1 open loop answers: " + open.answers());

        step("S4: validation to ANCHORED of S1's events");
        AnchorLatency.Result anchored = AnchorLatency.measure(bootstrap, stack.registryUrl(), resultsBefore, new HashSet<>(sent), DRAIN);
        figure("S4.validated_to_anchored.p50_s", "validation to ANCHORED, p50", anchored.seconds().percentile(50), "s");
        figure("S4.validated_to_anchored.p95_s", "validation to ANCHORED, p95", anchored.seconds().percentile(95), "s");
        if (anchored.missing() > 0) {
            notes.add(anchored.missing() + " of S1's accepted events were not ANCHORED within " + DRAIN.toMinutes() + " min");
        }

        step("S2 and C2: the same packages through the processors and through a pass-through topology");
        List<ConsumerRecord<byte[], byte[]>> packages = pump.readAfter(Topics.EVENTS_INCOMING.name(), incomingBefore, Integer.MAX_VALUE);
        figure("S2.validated_per_s", "stream processors: " + packages.size() + " packages validated (validated + rejected topics)",
                pump.recordsPerSecond(Topics.EVENTS_INCOMING.name(), packages,
                        List.of(Topics.EVENTS_VALIDATED.name(), Topics.EVENTS_REJECTED.name()), DRAIN), "records/s");
        figure("C2.passthrough.records_per_s", "pass-through topology, the same records",
                passThrough(bootstrap, partitions, pump, packages), "records/s");

        step("S5: photos through the relay");
        MediaUploads.Result media = MediaUploads.run(devices, stack.relayUrl() + "/metrics", sizes.uploads(), sizes.uploadConcurrency());
        figure("S5.media.mib_per_s", "photos of 5 MiB through the relay to S3, " + media.concurrency() + " at once",
                media.megabytesPerSecond(), "MiB/s");
        figure("S5.heap_per_upload_mib", "relay heap per upload in flight (peak − idle) / in flight", media.heapPerUploadMib(), "MiB");

        step("S4: gas per event by batch size");
        for (AnchorCosts.Batch batch : AnchorCosts.measure(stack.rpcUrl(), stack::fund, 1, 1_000, 100_000)) {
            figure("S4.gas_per_event." + batch.size(), "gas per event, batch of " + String.format("%,d", batch.size())
                    + " (" + batch.gasUsed() + " gas)", batch.gasPerEvent(), "gas");
        }
    }

    private double passThrough(String bootstrap, int partitions, TopicPump pump, List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        String input = "bench.c2.in." + System.nanoTime();
        String output = input.replace(".in.", ".out.");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(input, partitions, (short) 1), new NewTopic(output, partitions, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            try (KafkaStreams streams = PassThroughTopology.start(bootstrap, "bench-c2-" + System.nanoTime(), input, output,
                    dataDir.resolve("bench-streams"))) {
                Await.until("the pass-through topology to run", Duration.ofSeconds(60),
                        () -> streams.state() == KafkaStreams.State.RUNNING);
                return pump.recordsPerSecond(input, records, List.of(output), DRAIN);
            } finally {
                admin.deleteTopics(List.of(input, output)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    static Map<String, String> relayOverrides() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String limit : List.of("address", "registration", "device")) {
            env.put(Settings.envName("ratelimit." + limit + ".per.minute"), Integer.toString(UNLIMITED));
            env.put(Settings.envName("ratelimit." + limit + ".burst"), Integer.toString(UNLIMITED));
        }
        return env;
    }

    static Map<String, String> metricsUrls(DevStack stack) {
        return Map.of("ingress-relay", stack.relayUrl() + "/metrics", "stream-processors", stack.processorsUrl() + "/metrics",
                "anchor-sink", stack.anchorSinkUrl() + "/metrics", "admin-service", stack.adminUrl() + "/metrics");
    }

    private static int partitions(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        }
    }

    private static double proofBytes(int size) {
        return 32.0 * (32 - Integer.numberOfLeadingZeros(size - 1));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void figure(String id, String what, double value, String unit) {
        figures.add(new Figure(id, what, value, unit));
        log.printf(java.util.Locale.ROOT, "  %-40s %14.3f %s%n", id, value, unit);
    }

    private void step(String what) {
        log.println("bench: " + what);
    }
}
