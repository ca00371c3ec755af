package io.eventpipe.admin.http;

import io.eventpipe.admin.config.AdminConfig;
import io.eventpipe.web.HttpMetrics;
import io.eventpipe.web.JettyServers;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

/** Wires the admin API into one Jetty server: one handler per route (openapi.yaml describes them). */
public final class AdminServer {

    static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;
    static final int MAX_THREADS = 64;
    static final long IDLE_TIMEOUT_MS = 30_000;

    private AdminServer() {
    }

    public static Server newServer(AdminConfig config, Routes routes) {
        Server server = JettyServers.newServer("admin", config.httpHost(), config.httpPort(),
                new JettyServers.Limits(MAX_THREADS, 4, MAX_REQUEST_HEADER_BYTES, IDLE_TIMEOUT_MS));

        PathMappingsHandler mappings = new PathMappingsHandler();
        mappings.addMapping(PathSpec.from("/v1/admin/login/challenge"), new LoginHandler(routes, true));
        mappings.addMapping(PathSpec.from("/v1/admin/login"), new LoginHandler(routes, false));
        mappings.addMapping(PathSpec.from("/v1/admin/me"), new MeHandler(routes));
        mappings.addMapping(PathSpec.from("/v1/admin/audit"), new AuditHandler(routes));
        mappings.addMapping(PathSpec.from("/v1/admin/label-configs"), new LabelConfigsHandler(routes));
        mappings.addMapping(PathSpec.from(LabelConfigHandler.PREFIX + "*"), new LabelConfigHandler(routes));
        mappings.addMapping(PathSpec.from(RelaysHandler.PREFIX), new RelaysHandler(routes));
        mappings.addMapping(PathSpec.from(RelaysHandler.PREFIX + "/*"), new RelaysHandler(routes));
        mappings.addMapping(PathSpec.from(AdminsHandler.PREFIX), new AdminsHandler(routes));
        mappings.addMapping(PathSpec.from(AdminsHandler.PREFIX + "/*"), new AdminsHandler(routes));
        mappings.addMapping(PathSpec.from("/v1/relays/enroll"), new EnrollHandler(routes));
        mappings.addMapping(PathSpec.from(DevicesHandler.PREFIX + "*"), new DevicesHandler(routes));
        mappings.addMapping(PathSpec.from(TopicsHandler.PREFIX), new TopicsHandler(routes));
        mappings.addMapping(PathSpec.from(TopicsHandler.PREFIX + "/*"), new TopicsHandler(routes));
        mappings.addMapping(PathSpec.from(ReplaysHandler.PREFIX), new ReplaysHandler(routes));
        mappings.addMapping(PathSpec.from(ReplaysHandler.PREFIX + "/*"), new ReplaysHandler(routes));
        mappings.addMapping(PathSpec.from(ConsumerGroupsHandler.PREFIX + "*"), new ConsumerGroupsHandler(routes));
        mappings.addMapping(PathSpec.from(DashboardHandler.PREFIX + "*"), new DashboardHandler(routes));
        mappings.addMapping(PathSpec.from("/"), new AdminAppHandler());
        mappings.addMapping(PathSpec.from("/health"), new ManagementHandler(routes, ManagementHandler.Kind.HEALTH));
        mappings.addMapping(PathSpec.from("/ready"), new ManagementHandler(routes, ManagementHandler.Kind.READY));
        mappings.addMapping(PathSpec.from("/metrics"), new ManagementHandler(routes, ManagementHandler.Kind.METRICS));
        server.setHandler(new HttpMetrics(mappings, routes.metrics()));
        return server;
    }
}
