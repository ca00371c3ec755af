package io.eventpipe.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventStatus;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TcpProxy;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Ethereum node becomes unreachable: batches queue up durably, /ready says why, and anchoring
 * resumes when it is back. The node itself keeps running behind a proxy that is cut, as a network
 * outage would look (restarting anvil could also lose its latest blocks, which is another test).
 */
@ExtendWith(RealServers.class)
class AnchorRpcOutageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void batchesQueueWhileTheNodeIsAwayAndAreAnchoredWhenItReturns(TestServers servers) throws Exception {
        try (TcpProxy proxy = TcpProxy.start(servers.anvil().port());
             AnchorFixture fixture = new AnchorFixture(servers);
             AnchorSinkApp app = new AnchorSinkApp(fixture.config(Map.of("EVENTPIPE_RPC_URL", proxy.url("http"))))) {
            app.start();
            List<String> before = fixture.publish(3);
            fixture.awaitStatus(before, EventStatus.ANCHORED, Duration.ofSeconds(60));

            proxy.cut();
            List<String> during = fixture.publish(12);
            Await.until("/ready to report the node away", Duration.ofSeconds(30), () -> ready(app).contains("Ethereum RPC unavailable"));
            Await.until("the events batched while the node is away", Duration.ofSeconds(30), () -> pending(app) == during.size());
            assertThat(during).allSatisfy(id -> assertThat(fixture.results().getOrDefault(id, List.of())).isEmpty());

            proxy.restore();
            fixture.awaitStatus(during, EventStatus.FINAL, Duration.ofSeconds(90));
            Await.until("/ready once the node is back", Duration.ofSeconds(30), () -> ready(app).contains("\"READY\""));
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
