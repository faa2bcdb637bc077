package dev.vocloop.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;

/**
 * MongoDB for feedback-service: an external one when configured, otherwise a MongoDB-wire server
 * whose H2 backend keeps the data in one file under the platform's home.
 */
final class EmbeddedMongoStore implements AutoCloseable {

    private final MongoServer server;
    private final String uri;

    private EmbeddedMongoStore(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    static EmbeddedMongoStore start(LocalConfig config) throws IOException {
        if (config.mongoUri() != null) {
            return new EmbeddedMongoStore(null, config.mongoUri());
        }
        Files.createDirectories(config.home().resolve("mongo"));
        H2Backend backend = new H2Backend(config.home().resolve("mongo").resolve("feedback.mv").toString());
        // The MongoDB driver that Quarkus ships refuses the server's default wire version.
        MongoServer server = new MongoServer(backend.version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", config.mongoPort());
        return new EmbeddedMongoStore(server, "mongodb://127.0.0.1:" + config.mongoPort());
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
        }
    }
}
