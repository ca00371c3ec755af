package io.eventpipe.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.common.process.Ports;
import io.eventpipe.relay.RelayApp;
import io.eventpipe.relay.RelayFixture;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.Await;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.stack.KafkaBroker;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: the relay's /ready follows Kafka: a broker of the test's own is stopped (clients reach
 * the advertised address, so a proxy cannot stage this) and started again on the same data.
 */
@ExtendWith(RealServers.class)
class KafkaReadinessIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void readinessFollowsTheBroker(TestServers servers, @TempDir Path dir) throws Exception {
        RelayFixture fixture = new RelayFixture(servers, dir);
        int port = Ports.free();
        int controller = Ports.free();
        KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), port, controller, dir.resolve("logs"));
        try {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                new TopicProvisioner(admin, new RestSchemaRegistryClient(servers.registry().confluentApiUrl()), (short) 1)
                        .provision(Topics.ALL);
            }
            try (RelayApp relay = RelayApp.start(fixture.config("kafka-readiness",
                    Map.of("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())))) {
                String ready = "http://127.0.0.1:" + relay.port() + "/ready";
                Await.until("ready with the broker", TIMEOUT, () -> status(ready) == 200);
                broker.close();
                Await.until("not ready without the broker", TIMEOUT, () -> status(ready) == 503);
                assertThat(status("http://127.0.0.1:" + relay.port() + "/health")).isEqualTo(200);
                broker = KafkaBroker.start(dir.resolve("kafka"), port, controller, dir.resolve("logs"));
                Await.until("ready once the broker is back", TIMEOUT, () -> status(ready) == 200);
            }
        } finally {
            broker.close();
        }
    }

    private static int status(String url) {
        return HttpProbe.status(url, Duration.ofSeconds(10));
    }
}
