package io.eventpipe.stack;

import io.eventpipe.common.process.ManagedProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * PostgreSQL 15 from the binaries zonky publishes on Maven Central (no system install, and it
 * runs as root too). The cluster lives under the data directory and survives restarts.
 * pg_ctl detaches the server from us, so a small guard process (a child like any other) asks
 * it to shut down fast if the JVM dies without stopping it; a server left over by an earlier
 * run on the same directory is stopped before starting.
 */
public final class PostgresServer implements Server {

    public static final String DATABASE = "eventpipe";
    public static final String USER = "postgres";

    private static final long STALE_STOP_SECONDS = 30;

    private final EmbeddedPostgres postgres;
    private final ManagedProcess guard;

    private PostgresServer(EmbeddedPostgres postgres, ManagedProcess guard) {
        this.postgres = postgres;
        this.guard = guard;
    }

    public static PostgresServer start(Path dataDir, int port, Path logDir) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logDir);
            stopStaleServer(dataDir.resolve("pgdata"));
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logDir.resolve("postgres.log").toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("pgdata"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(Files.createDirectories(dataDir.resolve("binaries")).toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
            PostgresServer server = new PostgresServer(postgres, guard(dataDir.resolve("pgdata"), dataDir, logDir));
            server.createDatabaseOnce();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown: clients are cut off, data is flushed. */
    private static ManagedProcess guard(Path pgdata, Path dataDir, Path logDir) {
        long pid = postmasterPid(pgdata);
        String script = "trap 'kill -INT " + pid + " 2>/dev/null; exit 0' TERM INT; "
                + "while kill -0 " + pid + " 2>/dev/null; do sleep 1; done";
        return ManagedProcess.start("postgres-guard", List.of("/bin/sh", "-c", script), Map.of(), dataDir,
                logDir.resolve("postgres-guard.log"));
    }

    private static void stopStaleServer(Path pgdata) {
        if (!Files.exists(pgdata.resolve("postmaster.pid"))) {
            return;
        }
        ProcessHandle.of(postmasterPid(pgdata))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(stale -> {
                    stale.destroy();
                    stale.onExit().orTimeout(STALE_STOP_SECONDS, TimeUnit.SECONDS).join();
                });
    }

    private static long postmasterPid(Path pgdata) {
        try {
            return Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void createDatabaseOnce() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String address() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        } finally {
            guard.close();
        }
    }
}
