package io.eventpipe.stack;

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
import javax.sql.DataSource;

/**
 * PostgreSQL 15 from the binaries zonky publishes on Maven Central (no system install, and it
 * runs as root too). The cluster lives under the data directory and survives restarts.
 */
public final class PostgresServer implements Server {

    public static final String DATABASE = "eventpipe";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start(Path dataDir, int port, Path logDir) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logDir);
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
            PostgresServer server = new PostgresServer(postgres);
            server.createDatabaseOnce();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start: " + e.getMessage(), e);
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
        }
    }
}
