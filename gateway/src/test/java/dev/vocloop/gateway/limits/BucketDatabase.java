package dev.vocloop.gateway.limits;

import dev.vocloop.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.exceptionsorter.PostgreSQLExceptionSorter;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * A fresh database on the tests' PostgreSQL (embedded unless {@code VOCLOOP_TEST_PG_URL} is set),
 * with the gateway's own Flyway scripts applied in order, and a connection pool configured as Quarkus
 * configures the gateway's (Agroal, PostgreSQL exception sorter).
 */
final class BucketDatabase {

    final String url;
    final String user;
    final String password;

    private BucketDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static BucketDatabase create() {
        Map<String, String> db = new PostgresResource().start();
        BucketDatabase database = new BucketDatabase(db.get("quarkus.datasource.jdbc.url"),
                db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"));
        database.migrate();
        return database;
    }

    /** Runs {@code db/migration/V<n>__*.sql} by version, as Flyway does at the gateway's start. */
    private void migrate() {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(BucketDatabase.class.getClassLoader().getResource("db/migration").toURI());
            try (var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path script : files
                        .filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                        .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                        .toList()) {
                    execute(java.nio.file.Files.readString(script));
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("could not read the migrations", e);
        }
    }

    /** A pool to this database; {@code port} replaces the server's port (to go through a relay), 0 keeps it. */
    AgroalDataSource pool(int port) {
        String jdbcUrl = port == 0 ? url : url.replaceFirst(":(\\d+)/", ":" + port + "/");
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool
                            .maxSize(20)
                            .acquisitionTimeout(Duration.ofSeconds(5))
                            .exceptionSorter(new PostgreSQLExceptionSorter())
                            .connectionFactoryConfiguration(factory -> factory
                                    .jdbcUrl(jdbcUrl)
                                    .principal(new NamePrincipal(user))
                                    .credential(new SimplePassword(password)))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)/").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("no port in " + url);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Runs a query that answers one number (a count). */
    long count(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
