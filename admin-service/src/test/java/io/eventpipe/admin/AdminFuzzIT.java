package io.eventpipe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.httpsig.SigningClient;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.testkit.Mutator;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: mutated valid bodies to admin-service's endpoints, signed by the first admin after
 * mutation so that they pass authentication and reach the parsers and validators, and unsigned to
 * the public ones (login, enrollment). Never a 5xx; ready afterwards. Mutations that stay valid only
 * create harmless things (new ids, dry runs on a topic of this test, groups without members).
 */
@ExtendWith(RealServers.class)
class AdminFuzzIT {

    private static final int ITERATIONS = Mutator.iterations(60);

    @Test
    void mutatedRequestsNeverCauseA5xx(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            String key = Base64.getEncoder().encodeToString(Ed25519.raw(Ed25519.generate().getPublic()));
            Map<String, String> signedBodies = new LinkedHashMap<>();
            signedBodies.put("/v1/admin/label-configs", "{\"id\":\"fuzz-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"name\":\"Fuzz\",\"labels\":[{\"name\":\"species\",\"type\":\"TEXT\",\"required\":true,\"maxLength\":80},"
                    + "{\"name\":\"count\",\"type\":\"INTEGER\",\"min\":1},"
                    + "{\"name\":\"kind\",\"type\":\"ENUM\",\"enumValues\":[\"a\",\"b\"]}]}");
            signedBodies.put("/v1/admin/admins", "{\"adminId\":\"fuzz-admin\",\"name\":\"Fuzz\",\"publicKey\":\"" + key + "\"}");
            signedBodies.put("/v1/admin/relays", "{\"relayId\":\"fuzz-relay\",\"name\":\"Fuzz relay\",\"endpoint\":\"https://r.example\"}");
            signedBodies.put("/v1/admin/devices/dev-" + "0".repeat(32) + "/revoke", "{\"reason\":\"lost\"}");
            signedBodies.put("/v1/admin/replays", "{\"topic\":\"events.results\",\"target\":\"fuzz.replay.target\","
                    + "\"from\":\"2026-11-24T00:00:00Z\",\"dryRun\":true}");
            signedBodies.put("/v1/admin/consumer-groups/fuzz-group-none/reset",
                    "{\"topic\":\"events.results\",\"to\":\"2026-11-24T00:00:00Z\"}");
            for (Map.Entry<String, String> endpoint : signedBodies.entrySet()) {
                for (int i = 0; i < ITERATIONS; i++) {
                    long seed = endpoint.getKey().hashCode() * 1000L + i;
                    String body = new Mutator(seed).mutate(endpoint.getValue());
                    HttpResponse<String> answer = admin.call("POST", endpoint.getKey(), body);
                    assertThat(answer.statusCode()).as("seed " + seed + " POST " + endpoint.getKey() + " " + body + "\n"
                            + answer.body()).isLessThan(500);
                }
            }
            Map<String, String> publicBodies = Map.of(
                    "/v1/admin/login/challenge", "{\"adminId\":\"admin\"}",
                    "/v1/admin/login", "{\"adminId\":\"admin\",\"challenge\":\"abc\",\"signature\":\"" + "A".repeat(86) + "==\"}",
                    "/v1/relays/enroll", "{\"relayId\":\"fuzz-relay\",\"token\":\"abc\",\"publicKey\":\"" + key
                            + "\",\"signature\":\"AAAA\"}");
            for (Map.Entry<String, String> endpoint : publicBodies.entrySet()) {
                for (int i = 0; i < ITERATIONS; i++) {
                    long seed = endpoint.getKey().hashCode() * 1000L + i;
                    String body = new Mutator(seed).mutate(endpoint.getValue());
                    HttpResponse<String> answer = admin.unsigned("POST", endpoint.getKey(), body,
                            Map.of("Content-Type", "application/json"));
                    assertThat(answer.statusCode()).as("seed " + seed + " POST " + endpoint.getKey() + " " + body).isLessThan(500);
                }
            }
            for (int i = 0; i < ITERATIONS; i++) {
                Mutator mutator = new Mutator(9_000 + i);
                String query = mutator.mutate("/v1/admin/dashboard/events?kind=EVENT&relay=r&status=FINAL&text=heron&limit=20")
                        .replaceAll("[^A-Za-z0-9/._~%?&=-]", "");
                try {
                    assertThat(admin.call("GET", query, null).statusCode()).as("seed " + (9_000 + i) + " GET " + query).isLessThan(500);
                } catch (IllegalArgumentException notAUri) {
                    // not a URI any client sends
                }
            }
            assertThat(HttpProbe.status("http://127.0.0.1:" + app.port() + "/ready", Duration.ofSeconds(10))).isEqualTo(200);
        }
    }
}
