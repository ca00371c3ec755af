package io.eventpipe.admin;

import io.eventpipe.common.httpsig.SigningClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.avro.LabelConfig;
import io.eventpipe.avro.LabelConfigStatus;
import io.eventpipe.avro.LabelConfigVersion;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Label configurations managed through the admin API land on config.labels, with their history, and every change is audited. */
@ExtendWith(RealServers.class)
class LabelConfigAdminIT {

    private static final String LABELS = "[{\"name\":\"species\",\"type\":\"TEXT\",\"required\":true,\"maxLength\":80},"
            + "{\"name\":\"count\",\"type\":\"INTEGER\",\"min\":1}]";

    @Test
    void createVersionDeprecateDeleteArePublishedAndAudited(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        String id = "birds-" + UUID.randomUUID().toString().substring(0, 8);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()));
             CompactedTopic<LabelConfig> topic = new CompactedTopic<>(servers, Topics.CONFIG_LABELS)) {
            SigningClient admin = AdminFixture.firstAdmin(app);

            var created = admin.call("POST", "/v1/admin/label-configs",
                    "{\"id\":\"" + id + "\",\"name\":\"Birds\",\"labels\":" + LABELS + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(topic.latest(id).getVersions()).extracting(LabelConfigVersion::getVersion).containsExactly(1);

            assertThat(admin.call("POST", "/v1/admin/label-configs", "{\"id\":\"" + id + "\",\"name\":\"Again\",\"labels\":" + LABELS
                    + "}").statusCode()).isEqualTo(409);
            var invalid = admin.call("POST", "/v1/admin/label-configs", "{\"id\":\"x-" + id + "\",\"name\":\"Bad\",\"labels\":"
                    + "[{\"name\":\"n\",\"type\":\"ENUM\"}]}");
            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(SigningClient.json(invalid).get("violations").get(0).get("field").asText()).isEqualTo("/labels/0/enumValues");

            var second = admin.call("PUT", "/v1/admin/label-configs/" + id, "{\"name\":\"Birds (v2)\",\"labels\":" + LABELS + "}");
            assertThat(SigningClient.json(second).get("currentVersion").asInt()).isEqualTo(2);
            assertThat(admin.call("POST", "/v1/admin/label-configs/" + id + "/deprecate", "{\"version\":1}").statusCode()).isEqualTo(200);
            LabelConfig published = topic.latest(id);
            assertThat(published.getName()).isEqualTo("Birds (v2)");
            assertThat(published.getVersions()).extracting(LabelConfigVersion::getStatus)
                    .containsExactly(LabelConfigStatus.DEPRECATED, LabelConfigStatus.ACTIVE);
            assertThat(published.getVersions().get(1).getCreatedBy()).isEqualTo(admin.keyId());

            assertThat(admin.call("DELETE", "/v1/admin/label-configs/" + id, null).statusCode()).isEqualTo(200);
            assertThat(topic.latest(id)).as("a tombstone").isNull();
            assertThat(admin.call("GET", "/v1/admin/label-configs/" + id, null).statusCode()).isEqualTo(404);
            assertThat(admin.call("POST", "/v1/admin/label-configs", "{\"id\":\"" + id + "\",\"name\":\"Reuse\",\"labels\":" + LABELS
                    + "}").statusCode()).as("a deleted id is not given out again").isEqualTo(409);

            JsonNode audit = SigningClient.json(admin.call("GET", "/v1/admin/audit?limit=50", null)).get("entries");
            List<String> actions = new ArrayList<>();
            audit.forEach(entry -> actions.add(entry.get("action").asText() + " " + entry.path("target").asText()));
            assertThat(actions).contains("label-config.create " + id, "label-config.version " + id,
                    "label-config.deprecate " + id + "@1", "label-config.delete " + id);
            assertThat(audit.get(0).get("adminId").asText()).isEqualTo(admin.keyId());
            assertThat(audit.get(0).get("source").asText()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void changesWithoutAValidAdminAreRefusedAndTheRefusalIsAudited(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            var anonymous = admin.unsigned("POST", "/v1/admin/label-configs", "{\"id\":\"nope\",\"name\":\"x\",\"labels\":" + LABELS + "}",
                    Map.of());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(oversizedAnswer(app.port())).startsWith("HTTP/1.1 413");
            assertThat(admin.unsigned("POST", "/v1/admin/label-configs", "{}", Map.of("Content-Type", "text/plain")).statusCode())
                    .isIn(415, 401);
            var tampered = admin.signed("POST", "/v1/admin/label-configs", "{\"id\":\"a1\",\"name\":\"x\",\"labels\":" + LABELS + "}")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"id\":\"a2\",\"name\":\"x\",\"labels\":" + LABELS + "}"));
            assertThat(admin.send(tampered).statusCode()).as("a body other than the signed one").isEqualTo(401);
            JsonNode audit = SigningClient.json(admin.call("GET", "/v1/admin/audit?adminId=-", null)).get("entries");
            assertThat(audit).isNotEmpty();
            assertThat(audit.get(0).get("outcome").asText()).startsWith("denied");
        }
    }

    /**
     * A request announcing a body above the limit, sent as headers only: the answer must come
     * before any of the body (a client still uploading may otherwise see the connection close first).
     */
    private static String oversizedAnswer(int port) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/admin/label-configs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 300000\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }


}
