package io.eventpipe.anchor;

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
 * Issue 8: the anchor sink's /ready follows each dependency while idle: PostgreSQL, the object
 * store and the schema registry (behind proxies that are cut) and Kafka (a broker of the test's
 * own, stopped and started again). The Ethereum RPC is AnchorRpcOutageIT's.
 */
@ExtendWith(RealServers.class)
class AnchorReadinessIT {

    @Test
    void readinessFollowsKafkaTheDatabaseTheStoreAndTheRegistry(TestServers servers, @TempDir Path dir) throws Exception {
        URI registryUrl = URI.create(servers.registry().confluentApiUrl());
        try (StoppableBroker broker = StoppableBroker.start(dir);
             AnchorFixture fixture = new AnchorFixture(servers);
             TcpProxy database = TcpProxy.start(URI.create(fixture.jdbcUrl().substring("jdbc:".length())).getPort());
             TcpProxy registry = TcpProxy.start(registryUrl.getPort());
             TcpProxy store = TcpProxy.start(URI.create(servers.s3().endpoint()).getPort())) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                new TopicProvisioner(admin, fixture.registry(), (short) 1).provision(Topics.ALL);
            }
            int databasePort = URI.create(fixture.jdbcUrl().substring("jdbc:".length())).getPort();
            try (AnchorSinkApp app = new AnchorSinkApp(fixture.config(Map.of(
                    "EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "EVENTPIPE_DB_URL", fixture.jdbcUrl().replace(":" + databasePort + "/", ":" + database.port() + "/"),
                    "EVENTPIPE_SCHEMA_REGISTRY_URL", registry.url("http") + registryUrl.getPath(),
                    "EVENTPIPE_S3_ENDPOINT", store.url("http"))))) {
                app.start();
                ReadinessChecks ready = new ReadinessChecks("http://127.0.0.1:" + app.managementPort());
                ready.awaitReady("ready with every dependency");

                ready.outage("database", "database", database::cut, database::restore);
                ready.outage("object store", "object storage", store::cut, store::restore);
                ready.outage("schema registry", "schema registry", registry::cut, registry::restore);
                ready.outage("broker", "broker connection", broker::stop, broker::restart);
            }
        }
    }
}
