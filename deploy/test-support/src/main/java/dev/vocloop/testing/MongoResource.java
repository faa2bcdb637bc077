package dev.vocloop.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;

/**
 * A MongoDB for tests: {@code VOCLOOP_TEST_MONGODB_URI} when set (a real MongoDB), otherwise an
 * in-process MongoDB-wire server. Each start uses a fresh database name.
 */
public class MongoResource implements QuarkusTestResourceLifecycleManager {

    private MongoServer server;

    @Override
    public Map<String, String> start() {
        String uri = System.getenv("VOCLOOP_TEST_MONGODB_URI");
        if (uri == null || uri.isBlank()) {
            server = startServer();
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort();
        }
        return Map.of(
                "quarkus.mongodb.connection-string", uri,
                "quarkus.mongodb.database", "vocloop_test_" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** An in-memory MongoDB-wire server on a free port; the version is one the current driver accepts. */
    public static MongoServer startServer() {
        MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
