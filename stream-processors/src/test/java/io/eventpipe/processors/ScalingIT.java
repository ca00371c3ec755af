package io.eventpipe.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventStatus;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Stateless processing scales out: instances share partitions, and partitions added at run time are picked up. */
@ExtendWith(RealServers.class)
class ScalingIT {

    private static final Pattern VALID = Pattern.compile("eventpipe_validation_events_total\\{outcome=\"valid\"} ([0-9.E]+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoInstancesShareTheWork(TestServers servers, @TempDir Path dir) throws Exception {
        try (ProcessorsFixture fixture = new ProcessorsFixture(servers, dir)) {
            fixture.publishLabelConfig();
            ProcessorsApp a = fixture.start("a");
            ProcessorsApp b = fixture.start("b");
            Await.until("both instances running", Duration.ofSeconds(60),
                    () -> a.state() == KafkaStreams.State.RUNNING && b.state() == KafkaStreams.State.RUNNING);

            List<String> events = submitToEveryPartition(fixture, partitions(servers), 4);
            fixture.awaitStatus(events, EventStatus.STORED, Duration.ofSeconds(90));
            fixture.drainResults();
            assertThat(events).allSatisfy(id -> {
                assertThat(fixture.count(id, EventStatus.ACCEPTED)).isEqualTo(1);
                assertThat(fixture.count(id, EventStatus.STORED)).isEqualTo(1);
            });
            double byA = validatedBy(a);
            double byB = validatedBy(b);
            assertThat(byA).as("events validated by instance a").isPositive();
            assertThat(byB).as("events validated by instance b").isPositive();
            assertThat(byA + byB).isEqualTo(events.size());
        }
    }

    @Test
    void partitionsAddedMidStreamArePickedUpWithoutRestartOrLoss(TestServers servers, @TempDir Path dir) throws Exception {
        try (ProcessorsFixture fixture = new ProcessorsFixture(servers, dir)) {
            fixture.publishLabelConfig();
            ProcessorsApp app = fixture.start("a");
            int before = partitions(servers);
            List<String> events = new ArrayList<>(submitToEveryPartition(fixture, before, 2));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
                admin.createPartitions(Map.of(Topics.EVENTS_INCOMING.name(), NewPartitions.increaseTo(before + 2))).all().get();
            }
            fixture.renewProducer();
            events.addAll(submitToEveryPartition(fixture, before + 2, 2));
            fixture.awaitStatus(events, EventStatus.ACCEPTED, Duration.ofSeconds(90));
            fixture.drainResults();
            assertThat(events).allSatisfy(id -> assertThat(fixture.count(id, EventStatus.ACCEPTED)).isEqualTo(1));
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static int partitions(TestServers servers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            return admin.describeTopics(List.of(Topics.EVENTS_INCOMING.name())).allTopicNames().get()
                    .get(Topics.EVENTS_INCOMING.name()).partitions().size();
        }
    }

    /** perPartition events on each partition of events.incoming, each from its own device. */
    private static List<String> submitToEveryPartition(ProcessorsFixture fixture, int partitions, int perPartition) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            for (int i = 0; i < perPartition; i++) {
                ids.add(fixture.submit("device-" + partition, partition));
            }
        }
        return ids;
    }

    private double validatedBy(ProcessorsApp app) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.managementPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = VALID.matcher(metrics);
        assertThat(matcher.find()).as("the valid-events counter on /metrics").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
