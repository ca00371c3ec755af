package io.eventpipe.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventStatus;
import io.eventpipe.stack.AnvilNode;
import io.eventpipe.stack.Await;
import io.eventpipe.stack.Ports;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Ethereum node goes away: batches queue up durably, /ready says why, and anchoring resumes when it is back. */
@ExtendWith(RealServers.class)
class AnchorRpcOutageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void batchesQueueWhileTheNodeIsAwayAndAreAnchoredWhenItReturns(TestServers servers, @TempDir Path dir) throws Exception {
        int port = Ports.free();
        AnvilNode anvil = AnvilNode.start(dir.resolve("anvil"), port, 0, dir.resolve("logs"));
        try (AnchorFixture fixture = new AnchorFixture(servers, anvil);
             AnchorSinkApp app = new AnchorSinkApp(fixture.config(Map.of()))) {
            app.start();
            List<String> before = fixture.publish(3);
            fixture.awaitStatus(before, EventStatus.ANCHORED, Duration.ofSeconds(60));

            anvil.close(); // saves its state; the chain continues from it after the restart
            List<String> during = fixture.publish(12);
            Await.until("/ready to report the node away", Duration.ofSeconds(30), () -> ready(app).contains("Ethereum RPC unavailable"));
            Await.until("the events batched while the node is away", Duration.ofSeconds(30), () -> pending(app) == during.size());
            assertThat(during).allSatisfy(id -> assertThat(fixture.results().getOrDefault(id, List.of())).isEmpty());

            anvil = AnvilNode.start(dir.resolve("anvil"), port, 0, dir.resolve("logs"));
            fixture.useAnvil(anvil);
            fixture.awaitStatus(during, EventStatus.FINAL, Duration.ofSeconds(90));
            Await.until("/ready once the node is back", Duration.ofSeconds(30), () -> ready(app).contains("\"READY\""));
        } finally {
            anvil.close();
        }
    }

    private static long pending(AnchorSinkApp app) {
        try {
            return app.store().pendingLeaves();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String ready(AnchorSinkApp app) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.managementPort() + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
