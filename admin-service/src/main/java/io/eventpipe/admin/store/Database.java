package io.eventpipe.admin.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.eventpipe.admin.config.AdminConfig;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The admin service's PostgreSQL: a small connection pool, the schema of db/admin applied by Flyway at start. */
public final class Database implements AutoCloseable {

    private static final int POOL_SIZE = 8;
    /** The service's own schema: services may share a database, never tables or migration history. */
    public static final String SCHEMA = "admin";

    private final HikariDataSource dataSource;

    public Database(AdminConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.dbUrl());
        hikari.setUsername(config.dbUser());
        if (!config.dbPassword().isEmpty()) {
            hikari.setPassword(config.dbPassword());
        }
        hikari.setMaximumPoolSize(POOL_SIZE);
        hikari.setPoolName("admin-db");
        hikari.setSchema(SCHEMA);
        hikari.setInitializationFailTimeout(-1); // start even while the database is away; /ready says so
        this.dataSource = new HikariDataSource(hikari);
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/admin")
                .load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
