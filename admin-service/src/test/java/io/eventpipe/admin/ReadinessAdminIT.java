package io.eventpipe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.stack.Await;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TcpProxy;
import io.eventpipe.testkit.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8: admin-service's /ready follows PostgreSQL: 503 while it is away, 200 again after; /health stays 200. */
@ExtendWith(RealServers.class)
class ReadinessAdminIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void readinessFollowsTheDatabase(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        int port = URI.create(fixture.jdbcUrl().substring("jdbc:".length())).getPort();
        try (TcpProxy database = TcpProxy.start(port);
             AdminApp app = AdminApp.start(fixture.config(Map.of("EVENTPIPE_DB_URL",
                     fixture.jdbcUrl().replace(":" + port + "/", ":" + database.port() + "/"))))) {
            String base = "http://127.0.0.1:" + app.port();
            assertThat(status(base + "/ready")).isEqualTo(200);
            database.cut();
            Await.until("not ready without the database", TIMEOUT, () -> status(base + "/ready") == 503);
            assertThat(status(base + "/health")).isEqualTo(200);
            database.restore();
            Await.until("ready once the database is back", TIMEOUT, () -> status(base + "/ready") == 200);
        }
    }

    private static int status(String url) {
        return HttpProbe.status(url, Duration.ofSeconds(10));
    }
}
