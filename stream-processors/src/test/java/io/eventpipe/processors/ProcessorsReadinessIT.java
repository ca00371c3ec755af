package io.eventpipe.processors;

import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.testkit.ReadinessChecks;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.StoppableBroker;
import io.eventpipe.testkit.TcpProxy;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: the processors' /ready follows each dependency while idle: the schema registry and the
 * object store (behind proxies that are cut) and Kafka (a broker of the test's own, stopped and
 * started again).
 */
@ExtendWith(RealServers.class)
class ProcessorsReadinessIT {

    @Test
    void readinessFollowsKafkaTheRegistryAndTheStore(TestServers servers, @TempDir Path dir) throws Exception {
        URI registryUrl = URI.create(servers.registry().confluentApiUrl());
        // the fixture (and the app it started) is closed first, while the broker still runs
        try (StoppableBroker broker = StoppableBroker.start(dir.resolve("broker"));
             TcpProxy registry = TcpProxy.start(registryUrl.getPort());
             TcpProxy store = TcpProxy.start(URI.create(servers.s3().endpoint()).getPort());
             ProcessorsFixture fixture = new ProcessorsFixture(servers, dir)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                new TopicProvisioner(admin, fixture.registry(), (short) 1).provision(Topics.ALL);
            }
            ProcessorsApp app = fixture.start("readiness", servers.s3(), Map.of(
                    "EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "EVENTPIPE_SCHEMA_REGISTRY_URL", registry.url("http") + registryUrl.getPath(),
                    "EVENTPIPE_S3_ENDPOINT", store.url("http")));
            ReadinessChecks ready = new ReadinessChecks("http://127.0.0.1:" + app.managementPort());
            ready.awaitReady("ready with every dependency");

            ready.outage("schema registry", "schema registry", registry::cut, registry::restore);
            ready.outage("object store", "object storage", store::cut, store::restore);
            ready.outage("broker", "broker connection", broker::stop, broker::restart);
        }
    }
}
