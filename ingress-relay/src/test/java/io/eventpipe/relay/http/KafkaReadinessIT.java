package io.eventpipe.relay.http;

import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.testkit.ReadinessChecks;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.StoppableBroker;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8: the relay's /ready follows Kafka: a broker of the test's own is stopped and started again on the same data. */
@ExtendWith(RealServers.class)
class KafkaReadinessIT {

    @Test
    void readinessFollowsTheBroker(TestServers servers, @TempDir Path dir) throws Exception {
        RelayFixture fixture = new RelayFixture(servers, dir);
        try (StoppableBroker broker = StoppableBroker.start(dir)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                new TopicProvisioner(admin, new RestSchemaRegistryClient(servers.registry().confluentApiUrl()), (short) 1)
                        .provision(Topics.ALL);
            }
            try (RelayApp relay = RelayApp.start(fixture.config("kafka-readiness",
                    Map.of("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())))) {
                ReadinessChecks ready = new ReadinessChecks("http://127.0.0.1:" + relay.port());
                ready.awaitReady("ready with the broker");
                ready.outage("broker", "DOWN", broker::stop, broker::restart);
            }
        }
    }
}
