package io.eventpipe.admin;

import io.eventpipe.admin.config.AdminConfig;
import io.eventpipe.common.pki.CertificateIssuer;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.schemas.registry.RestSchemaRegistryClient;
import io.eventpipe.schemas.topics.TopicProvisioner;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/** An admin service on the real PostgreSQL and Kafka: its own database, a fresh root, topics provisioned. */
public final class AdminFixture {

    private final TestServers servers;
    private final Path dir;
    private final Credentials root;
    private final String database = "admin_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public AdminFixture(TestServers servers, Path dir) throws Exception {
        this.servers = servers;
        this.dir = dir;
        this.root = CertificateIssuer.selfSignedRoot("EventPipe Admin Test Root", Duration.ofDays(30), Clock.systemUTC());
        Files.writeString(dir.resolve("root.crt.pem"), Pem.encode(root.certificate()));
        Files.writeString(dir.resolve("root.key.pem"), Pem.encode(root.privateKey()));
        try (Connection connection = servers.postgres().dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafka().bootstrapServers()))) {
            new TopicProvisioner(admin, new RestSchemaRegistryClient(servers.registry().confluentApiUrl()), (short) 1)
                    .provision(Topics.ALL);
        }
    }

    /** The first admin of an app started at first start: its credentials file, requests signed with its key. */
    public static io.eventpipe.common.httpsig.SigningClient firstAdmin(AdminApp app) throws Exception {
        return io.eventpipe.common.httpsig.SigningClient.fromAdminCredentials("http://127.0.0.1:" + app.port(),
                app.bootstrapCredentials().orElseThrow());
    }

    public Credentials root() {
        return root;
    }

    public String jdbcUrl() {
        return servers.postgres().jdbcUrl().replace("/eventpipe", "/" + database);
    }

    public AdminConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("EVENTPIPE_HTTP_PORT", "0");
        env.put("EVENTPIPE_KAFKA_BOOTSTRAP_SERVERS", servers.kafka().bootstrapServers());
        env.put("EVENTPIPE_SCHEMA_REGISTRY_URL", servers.registry().confluentApiUrl());
        env.put("EVENTPIPE_DB_URL", jdbcUrl());
        env.put("EVENTPIPE_REDIS_URL", servers.redis().uri());
        env.put("EVENTPIPE_PKI_ROOT_CERTIFICATE", dir.resolve("root.crt.pem").toString());
        env.put("EVENTPIPE_PKI_ROOT_KEY", dir.resolve("root.key.pem").toString());
        env.put("EVENTPIPE_DATA_DIR", dir.resolve("admin").toString());
        env.putAll(extra);
        return AdminConfig.load(null, env);
    }
}
