package io.eventpipe.processors.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventStatus;
import io.eventpipe.processors.ProcessorsApp;
import io.eventpipe.processors.ProcessorsFixture;
import io.eventpipe.stack.Await;
import io.eventpipe.common.process.Ports;
import io.eventpipe.stack.S3Store;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * CONTRACT: an accepted event is never lost. Object storage goes away for 30 s while events keep
 * coming: validation goes on, the archive waits with its offsets held and /ready says why, and
 * once storage is back every event is archived exactly once and STORED exactly once.
 */
@ExtendWith(RealServers.class)
class ArchiveOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int EVENTS_PER_PHASE = 10;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aThirtySecondStorageOutageLosesNothingAndDuplicatesNothing(TestServers servers, @TempDir Path dir) throws Exception {
        Path s3Data = dir.resolve("s3");
        int s3Port = Ports.free();
        S3Store s3 = S3Store.start(s3Data, s3Port, dir.resolve("logs"), TestServers.BUCKET);
        try (ProcessorsFixture fixture = new ProcessorsFixture(servers, dir)) {
            fixture.publishLabelConfig();
            ProcessorsApp app = fixture.start("outage", s3);
            List<String> before = submit(fixture);
            fixture.awaitStatus(before, EventStatus.STORED, Duration.ofSeconds(60));

            s3.close();
            List<String> during = submit(fixture);
            fixture.awaitStatus(during, EventStatus.ACCEPTED, Duration.ofSeconds(60));
            Await.until("/ready to report the storage outage", Duration.ofSeconds(30),
                    () -> ready(app).statusCode() == 503 && ready(app).body().contains("object storage unavailable"));
            Instant outageEnds = Instant.now().plus(OUTAGE);
            while (Instant.now().isBefore(outageEnds)) {
                // while storage is away nothing may claim to be stored
                assertThat(during).allSatisfy(id -> assertThat(fixture.statuses(id)).doesNotContain(EventStatus.STORED));
            }

            s3 = S3Store.start(s3Data, s3Port, dir.resolve("logs"), TestServers.BUCKET);
            fixture.awaitStatus(during, EventStatus.STORED, Duration.ofSeconds(90));
            Await.until("/ready once storage is back", Duration.ofSeconds(30), () -> ready(app).statusCode() == 200);

            List<String> all = new ArrayList<>(before);
            all.addAll(during);
            fixture.drainResults();
            assertThat(all).allSatisfy(id -> {
                assertThat(fixture.count(id, EventStatus.ACCEPTED)).as("ACCEPTED results of %s", id).isEqualTo(1);
                assertThat(fixture.count(id, EventStatus.STORED)).as("STORED results of %s", id).isEqualTo(1);
            });
            try (S3Client client = s3.newClient()) {
                List<String> keys = client.listObjectsV2Paginator(b -> b.bucket(TestServers.BUCKET).prefix("events/")).contents()
                        .stream().map(S3Object::key).toList();
                assertThat(all).allSatisfy(id -> {
                    assertThat(keys.stream().filter(k -> k.endsWith("/" + id + ".json"))).hasSize(1);
                    assertThat(keys.stream().filter(k -> k.endsWith("/" + id + ".meta.json"))).hasSize(1);
                });
            }
        } finally {
            s3.close();
        }
    }

    private static List<String> submit(ProcessorsFixture fixture) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_PHASE; i++) {
            ids.add(fixture.submit("device-" + (i % 4), null));
        }
        return ids;
    }

    private HttpResponse<String> ready(ProcessorsApp app) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.managementPort() + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
