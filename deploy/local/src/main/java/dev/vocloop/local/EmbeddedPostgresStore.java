package dev.vocloop.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL for the services that own relational data: the embedded server (real PostgreSQL
 * binaries, data kept under the platform's home so it survives a restart) or an external server.
 * Either way each owning service gets a database of its own.
 */
final class EmbeddedPostgresStore implements AutoCloseable {

    /** One database per service that owns relational data. */
    static final List<String> DATABASES = List.of("vocloop_ticket", "vocloop_survey", "vocloop_gateway");

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;

    private EmbeddedPostgresStore(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    static EmbeddedPostgresStore start(LocalConfig config) throws IOException {
        EmbeddedPostgresStore store;
        if (config.pgUrl() != null) {
            store = new EmbeddedPostgresStore(null, config.pgUrl(), config.pgUser(), config.pgPassword());
        } else {
            Path data = Files.createDirectories(config.home().resolve("postgres"));
            Path log = config.home().resolve("logs").resolve("postgres.log");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(config.pgPort())
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .start();
            store = new EmbeddedPostgresStore(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        }
        store.createMissingDatabases();
        return store;
    }

    /** The JDBC URL of one service's database on the same server. */
    String urlOf(String database) {
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private void createMissingDatabases() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            for (String db : DATABASES) {
                try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    q.setString(1, db);
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                }
            }
        } catch (SQLException e) {
            throw new LaunchException("could not prepare the PostgreSQL databases: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
