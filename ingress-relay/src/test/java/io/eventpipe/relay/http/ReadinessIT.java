package io.eventpipe.relay.http;

import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.testkit.ReadinessChecks;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TcpProxy;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8: the relay's /ready follows Redis and S3 really: false while one is away, true again after; /health stays true. */
@ExtendWith(RealServers.class)
class ReadinessIT {

    @Test
    void readinessFollowsRedisAndObjectStorage(TestServers servers, @TempDir Path dir) throws Exception {
        RelayFixture fixture = new RelayFixture(servers, dir);
        int s3Port = URI.create(servers.s3().endpoint()).getPort();
        try (TcpProxy redis = TcpProxy.start(servers.redis().port()); TcpProxy s3 = TcpProxy.start(s3Port);
             RelayApp relay = RelayApp.start(fixture.config("readiness", Map.of(
                     "EVENTPIPE_REDIS_URL", redis.url("redis"), "EVENTPIPE_S3_ENDPOINT", s3.url("http"))))) {
            ReadinessChecks ready = new ReadinessChecks("http://127.0.0.1:" + relay.port());
            ready.awaitReady("ready at start");
            ready.outage("Redis", "DOWN", redis::cut, redis::restore);
            ready.outage("object storage", "DOWN", s3::cut, s3::restore);
        }
    }
}
