package io.eventpipe.admin;

import io.eventpipe.common.httpsig.SigningClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.common.state.SharedKeys;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** Revoking a device writes the shared key every relay checks (the relay's side is tested in DeviceTrustIT), audited. */
@ExtendWith(RealServers.class)
class DevicesAdminIT {

    @Test
    void aRevokedDeviceIsMarkedWhereRelaysLook(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        String deviceId = "dev-" + UUID.randomUUID().toString().replace("-", "");
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()));
             JedisPooled redis = new JedisPooled(java.net.URI.create(servers.redis().uri()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            assertThat(admin.unsigned("POST", "/v1/admin/devices/" + deviceId + "/revoke", "{}", Map.of()).statusCode()).isEqualTo(401);
            assertThat(redis.exists(SharedKeys.deviceRevoked(deviceId))).isFalse();

            var revoked = admin.call("POST", "/v1/admin/devices/" + deviceId + "/revoke", "{\"reason\":\"lost phone\"}");
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            JsonNode stored = SigningClient.json(revoked);
            assertThat(stored.get("revokedBy").asText()).isEqualTo(admin.keyId());
            assertThat(redis.get(SharedKeys.deviceRevoked(deviceId))).contains("lost phone");
            assertThat(redis.ttl(SharedKeys.deviceRevoked(deviceId))).as("never expires").isEqualTo(-1);

            assertThat(admin.call("POST", "/v1/admin/devices/bad%20id/revoke", null).statusCode()).isEqualTo(422);
            assertThat(admin.call("GET", "/v1/admin/audit?action=device.revoke", null).body()).contains(deviceId);
        }
    }
}
