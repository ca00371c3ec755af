package io.eventpipe.relay.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.relay.redis.SharedState;
import io.eventpipe.common.process.Ports;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Rate limits are shared by all relays through the real Redis, and degrade to local ones without it. */
@ExtendWith(RealServers.class)
class RateLimitIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> challenge(RelayApp relay) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + "/v1/challenge")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoRelaysShareOneBudgetAndAnswer429WithRetryAfter(TestServers servers, @TempDir Path dir) throws Exception {
        try (Jedis jedis = new Jedis("127.0.0.1", servers.redis().port())) {
            jedis.del("eventpipe:rate:registration:127.0.0.1");
        }
        RelayFixture fixture = new RelayFixture(servers, dir);
        Map<String, String> tight = Map.of("EVENTPIPE_RATELIMIT_REGISTRATION_PER_MINUTE", "1",
                "EVENTPIPE_RATELIMIT_REGISTRATION_BURST", "3");
        try (RelayApp first = RelayApp.start(fixture.config("limits-1", tight));
             RelayApp second = RelayApp.start(fixture.config("limits-2", tight))) {
            assertThat(challenge(first).statusCode()).isEqualTo(200);
            assertThat(challenge(second).statusCode()).isEqualTo(200);
            assertThat(challenge(first).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = challenge(second);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("\"error\":\"rate_limited\"");
            assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            // management routes stay reachable for health checks, and the refusal is counted
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + second.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + second.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("eventpipe_ratelimit_refused_total 1.0", "eventpipe_ratelimit_degraded_total 0.0",
                    "eventpipe_pow_difficulty 8.0");
        } finally {
            try (Jedis jedis = new Jedis("127.0.0.1", servers.redis().port())) {
                jedis.del("eventpipe:rate:registration:127.0.0.1");
            }
        }
    }

    @Test
    void withoutRedisTheLimitsHoldLocally() {
        try (SharedState unreachable = new SharedState("redis://127.0.0.1:" + Ports.free())) {
            RateLimiter limiter = new RateLimiter(unreachable, Clock.systemUTC());
            Limit limit = new Limit("device", 1, 2);
            assertThat(limiter.take(limit, "dev-1").allowed()).isTrue();
            assertThat(limiter.take(limit, "dev-1").allowed()).isTrue();
            assertThat(limiter.take(limit, "dev-1").allowed()).isFalse();
            assertThat(limiter.degradedDecisions()).isEqualTo(3);
            assertThat(limiter.refusedRequests()).isEqualTo(1);
        }
    }
}
