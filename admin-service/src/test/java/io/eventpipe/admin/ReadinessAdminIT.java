package io.eventpipe.admin;

import io.eventpipe.testkit.ReadinessChecks;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TcpProxy;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8: admin-service's /ready follows PostgreSQL: 503 while it is away, 200 again after; /health stays 200. */
@ExtendWith(RealServers.class)
class ReadinessAdminIT {

    @Test
    void readinessFollowsTheDatabase(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        int port = URI.create(fixture.jdbcUrl().substring("jdbc:".length())).getPort();
        try (TcpProxy database = TcpProxy.start(port);
             AdminApp app = AdminApp.start(fixture.config(Map.of("EVENTPIPE_DB_URL",
                     fixture.jdbcUrl().replace(":" + port + "/", ":" + database.port() + "/"))))) {
            ReadinessChecks ready = new ReadinessChecks("http://127.0.0.1:" + app.port());
            ready.awaitReady("ready at start");
            ready.outage("database", "NOT_READY", database::cut, database::restore);
        }
    }
}
