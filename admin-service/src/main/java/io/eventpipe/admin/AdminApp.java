package io.eventpipe.admin;

import io.eventpipe.admin.admins.AdminAccounts;
import io.eventpipe.admin.analyst.GroupReset;
import io.eventpipe.admin.analyst.ReplayJobStore;
import io.eventpipe.admin.analyst.ReplayService;
import io.eventpipe.admin.analyst.TopicExport;
import io.eventpipe.admin.auth.AdminAuthenticator;
import io.eventpipe.admin.auth.LoginChallenges;
import io.eventpipe.admin.auth.SessionTokens;
import io.eventpipe.admin.dashboard.LiveFeed;
import io.eventpipe.admin.config.AdminConfig;
import io.eventpipe.admin.devices.DeviceRevocations;
import io.eventpipe.admin.http.AdminServer;
import io.eventpipe.admin.http.Routes;
import io.eventpipe.admin.kafka.ControlPlanePublisher;
import io.eventpipe.admin.labels.LabelConfigService;
import io.eventpipe.admin.labels.LabelConfigStore;
import io.eventpipe.admin.pki.Bootstrap;
import io.eventpipe.admin.pki.RootOfTrust;
import io.eventpipe.admin.relays.RelayAccess;
import io.eventpipe.admin.relays.RelayService;
import io.eventpipe.admin.relays.RelayStore;
import io.eventpipe.admin.relays.provisioning.LaunchSpec;
import io.eventpipe.admin.relays.provisioning.LocalRelayProvisioner;
import io.eventpipe.admin.relays.provisioning.NoProvisioner;
import io.eventpipe.admin.relays.provisioning.RelayProvisioner;
import io.eventpipe.admin.sre.TopicOperations;
import io.eventpipe.admin.store.AdminStore;
import io.eventpipe.admin.store.AuditLog;
import io.eventpipe.admin.store.Database;
import io.eventpipe.admin.store.Jdbc;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.web.JettyServers;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin service's process: database, root of trust, the first admin at first start, the API. */
public final class AdminApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApp.class);

    private final Database database;
    private final ControlPlanePublisher publisher;
    private final List<AutoCloseable> clients;
    private final Server server;
    private final Optional<Path> bootstrapCredentials;
    private final LiveFeed feed;

    private AdminApp(Database database, ControlPlanePublisher publisher, LiveFeed feed, List<AutoCloseable> clients, Server server,
                     Optional<Path> bootstrapCredentials) {
        this.database = database;
        this.publisher = publisher;
        this.feed = feed;
        this.clients = clients;
        this.server = server;
        this.bootstrapCredentials = bootstrapCredentials;
    }

    public static AdminApp start(AdminConfig config) throws Exception {
        Clock clock = Clock.systemUTC();
        Database database = new Database(config);
        Jdbc jdbc = new Jdbc(database.dataSource());
        RootOfTrust root = RootOfTrust.load(config, clock);
        AdminStore admins = new AdminStore(jdbc);
        Optional<Path> credentials = Bootstrap.firstAdmin(admins, root, config.dataDir(), config.adminCertificateValidity(), clock);
        SessionTokens sessions = SessionTokens.loadOrCreate(jdbc, config.sessionTtl(), clock);
        SchemaRegistryClient registry = SchemaRegistryClient.shared(config.registryUrl());
        ControlPlanePublisher publisher = new ControlPlanePublisher(config.bootstrapServers(), registry);
        TopicOperations topics = new TopicOperations(config.bootstrapServers());
        RelayAccess access = new RelayAccess(config.bootstrapServers());
        ReplayService replays = new ReplayService(config.bootstrapServers(), new ReplayJobStore(jdbc), clock);
        GroupReset groups = new GroupReset(config.bootstrapServers());
        LiveFeed feed = new LiveFeed(config.bootstrapServers(), registry, clock).start();
        DeviceRevocations devices = new DeviceRevocations(config.redisUrl(), clock);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        RelayProvisioner provisioner = provisioner(config);
        Routes routes = new Routes(new AdminAuthenticator(admins, root, sessions, jdbc, clock),
                new LoginChallenges(jdbc, config.loginChallengeTtl(), clock), sessions, new AuditLog(jdbc, clock),
                new LabelConfigService(new LabelConfigStore(jdbc), publisher, clock),
                new RelayService(new RelayStore(jdbc), root, publisher, access, config.relayCertificateValidity(), config.publicUrl(),
                        provisioner, clock),
                new AdminAccounts(admins, root, config.adminCertificateValidity(), clock),
                devices, topics, replays, groups, new TopicExport(replays.ranges(), registry), feed, metrics,
                () -> notReady(database), clock);
        Server server = AdminServer.newServer(config, routes);
        server.start();
        routes.relays().resumeLaunched();
        AdminApp app = new AdminApp(database, publisher, feed, List.of(provisioner, replays, groups, topics, access, devices), server,
                credentials);
        credentials.ifPresent(file -> LOG.info("first admin created; its credentials are in {} (owner-only)", file));
        return app;
    }

    private static RelayProvisioner provisioner(AdminConfig config) throws java.io.IOException {
        if (!AdminConfig.PROVISIONER_LOCAL.equals(config.relayProvisioner())) {
            return new NoProvisioner();
        }
        return new LocalRelayProvisioner(config.relayProvisionerDir(), LaunchSpec.load(config.relayLaunchFile()),
                config.publicUrl() + "/v1/relays/enroll");
    }

    private static String notReady(Database database) {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(2) ? null : "the database does not answer";
        } catch (java.sql.SQLException e) {
            return "the database is unavailable";
        }
    }

    public int port() {
        return JettyServers.boundPort(server);
    }

    /** Where this start wrote the first admin's credentials (empty when an admin existed already). */
    public Optional<Path> bootstrapCredentials() {
        return bootstrapCredentials;
    }

    @Override
    public void close() {
        feed.close(); // first: open dashboard streams end, so that the server stops without waiting for them
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server: {}", e.toString());
        }
        publisher.close();
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", client.getClass().getSimpleName(), e.toString());
            }
        }
        database.close();
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 1 && args[0].equals("--config") ? Path.of(args[1]) : null;
        AdminConfig config = AdminConfig.load(file, System.getenv());
        AdminApp app = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "admin-shutdown"));
        LOG.info("admin service on port {}", app.port());
        stopped.await();
    }
}
