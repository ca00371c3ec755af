package io.eventpipe.admin;

import io.eventpipe.common.httpsig.SigningClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** SREs on the real broker: topics with partitions and lag; a partition increase planned, then done; a decrease refused. */
@ExtendWith(RealServers.class)
class TopicsAdminIT {

    @Test
    void partitionsGrowAfterADryRunAndNeverShrink(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            String topic = Topics.ANCHOR_RECEIPTS.name();
            int before = partitions(admin, topic);
            assertThat(before).isEqualTo(Topics.ANCHOR_RECEIPTS.defaultPartitions());

            JsonNode plan = SigningClient.json(admin.call("POST", "/v1/admin/topics/" + topic + "/partitions",
                    "{\"partitions\":" + (before + 2) + ",\"dryRun\":true}"));
            assertThat(plan.get("from").asInt()).isEqualTo(before);
            assertThat(plan.get("changed").asBoolean()).isFalse();
            assertThat(plan.get("warning").asText()).contains("per-key order");
            assertThat(brokerPartitions(servers, topic)).isEqualTo(before);

            var done = admin.call("POST", "/v1/admin/topics/" + topic + "/partitions",
                    "{\"partitions\":" + (before + 2) + ",\"dryRun\":false}");
            assertThat(SigningClient.json(done).get("changed").asBoolean()).as(done.body()).isTrue();
            assertThat(brokerPartitions(servers, topic)).isEqualTo(before + 2);
            assertThat(partitions(admin, topic)).isEqualTo(before + 2);

            var shrink = admin.call("POST", "/v1/admin/topics/" + topic + "/partitions", "{\"partitions\":1,\"dryRun\":false}");
            assertThat(shrink.statusCode()).isEqualTo(422);
            assertThat(SigningClient.json(shrink).get("error").asText()).isEqualTo("cannot_decrease");
            assertThat(admin.call("POST", "/v1/admin/topics/__consumer_offsets/partitions", "{\"partitions\":99}").statusCode())
                    .isEqualTo(404);
            assertThat(admin.unsigned("GET", "/v1/admin/topics", null, Map.of()).statusCode()).isEqualTo(401);
            assertThat(admin.call("GET", "/v1/admin/audit?action=topic.partitions", null).body()).contains(topic);
        }
    }

    private static int partitions(SigningClient admin, String topic) throws Exception {
        JsonNode topics = SigningClient.json(admin.call("GET", "/v1/admin/topics", null)).get("topics");
        for (JsonNode node : topics) {
            if (node.get("name").asText().equals(topic)) {
                assertThat(node.has("consumerGroupLag")).isTrue();
                return node.get("partitions").asInt();
            }
        }
        throw new AssertionError(topic + " not listed");
    }

    private static int brokerPartitions(TestServers servers, String topic) throws Exception {
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            return kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }
}
