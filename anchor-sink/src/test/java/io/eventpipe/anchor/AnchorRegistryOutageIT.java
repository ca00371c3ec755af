package io.eventpipe.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.avro.EventStatus;
import io.eventpipe.stack.Await;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TcpProxy;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10: the schema registry away while validated events arrive at an anchor sink that has not
 * read any yet (a restart during the outage): the events are read again once it is back, never
 * skipped (they used to be: an unreachable registry read as an unreadable record).
 */
@ExtendWith(RealServers.class)
class AnchorRegistryOutageIT {

    @Test
    void eventsArrivingWhileTheRegistryIsAwayAreAnchoredOnceItIsBack(TestServers servers) throws Exception {
        URI registryUrl = URI.create(servers.registry().confluentApiUrl());
        try (TcpProxy registry = TcpProxy.start(registryUrl.getPort());
             AnchorFixture fixture = new AnchorFixture(servers);
             AnchorSinkApp app = new AnchorSinkApp(fixture.config(Map.of(
                     "EVENTPIPE_SCHEMA_REGISTRY_URL", registry.url("http") + registryUrl.getPath())))) {
            registry.cut();
            app.start();
            List<String> events = fixture.publish(5);
            String ready = "http://127.0.0.1:" + app.managementPort() + "/ready";
            // the batcher's own words: it read the events and could not decode them (the probe would say "unreachable")
            Await.until("the batcher to meet the outage", Duration.ofSeconds(60),
                    () -> HttpProbe.get(ready, Duration.ofSeconds(10)).body().contains("schema registry unavailable"));
            assertThat(app.store().pendingLeaves()).as("nothing batched without the schema").isZero();
            registry.restore();
            fixture.awaitStatus(events, EventStatus.ANCHORED, Duration.ofSeconds(90));
        }
    }
}
