package io.eventpipe.relay.kafka;

import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.stack.Await;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TcpProxy;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a relay starting while the schema registry is away cannot decode what its readers fetch;
 * they wait and read it again instead of stopping, so the relay finishes starting once the registry
 * is back (a reader used to stop at the first undecodable record: the relay then failed to start, or
 * ran without its label configs, until someone restarted it).
 */
@ExtendWith(RealServers.class)
class RelayRegistryOutageIT {

    @Test
    void readersWaitOutTheOutageAndCatchUp(TestServers servers, @TempDir Path dir) throws Exception {
        URI registryUrl = URI.create(servers.registry().confluentApiUrl());
        RelayFixture fixture = new RelayFixture(servers, dir);
        try (TcpProxy registry = TcpProxy.start(registryUrl.getPort())) {
            registry.cut();
            var config = fixture.config("registry-outage",
                    Map.of("EVENTPIPE_SCHEMA_REGISTRY_URL", registry.url("http") + registryUrl.getPath()));
            java.util.concurrent.CompletableFuture<RelayApp> starting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return RelayApp.start(config);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            java.time.Instant back = java.time.Instant.now().plusSeconds(8);
            // the outage lasts 8 s while the relay starts (the scenario's length, not a synchronisation)
            Await.until("the outage to last 8 s", Duration.ofSeconds(20), () -> java.time.Instant.now().isAfter(back));
            registry.restore();
            try (RelayApp relay = starting.get(90, java.util.concurrent.TimeUnit.SECONDS)) {
                String configs = "http://127.0.0.1:" + relay.port() + "/v1/label-configs";
                Await.until("the label configs read once the registry is back", Duration.ofSeconds(30),
                        () -> HttpProbe.get(configs, Duration.ofSeconds(5)).body().contains("field-observation"));
                Await.until("ready", Duration.ofSeconds(30),
                        () -> HttpProbe.status("http://127.0.0.1:" + relay.port() + "/ready", Duration.ofSeconds(5)) == 200);
            }
        }
    }
}
