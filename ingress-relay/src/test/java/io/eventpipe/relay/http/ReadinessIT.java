package io.eventpipe.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Issue 8: the relay's /ready follows Redis and S3 really: false while one is away, true again after; /health stays true. */
@ExtendWith(RealServers.class)
class ReadinessIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void readinessFollowsRedisAndObjectStorage(TestServers servers, @TempDir Path dir) throws Exception {
        RelayFixture fixture = new RelayFixture(servers, dir);
        int s3Port = URI.create(servers.s3().endpoint()).getPort();
        try (TcpProxy redis = TcpProxy.start(servers.redis().port()); TcpProxy s3 = TcpProxy.start(s3Port);
             RelayApp relay = RelayApp.start(fixture.config("readiness", Map.of(
                     "EVENTPIPE_REDIS_URL", redis.url("redis"), "EVENTPIPE_S3_ENDPOINT", s3.url("http"))))) {
            String base = "http://127.0.0.1:" + relay.port();
            Await.until("ready at start", TIMEOUT, () -> status(base + "/ready") == 200);

            redis.cut();
            Await.until("not ready without Redis", TIMEOUT, () -> status(base + "/ready") == 503);
            assertThat(status(base + "/health")).as("alive all the same").isEqualTo(200);
            redis.restore();
            Await.until("ready once Redis is back", TIMEOUT, () -> status(base + "/ready") == 200);

            s3.cut();
            Await.until("not ready without object storage", TIMEOUT, () -> status(base + "/ready") == 503);
            s3.restore();
            Await.until("ready once object storage is back", TIMEOUT, () -> status(base + "/ready") == 200);
        }
    }

    private static int status(String url) {
        return HttpProbe.status(url, Duration.ofSeconds(10));
    }
}
