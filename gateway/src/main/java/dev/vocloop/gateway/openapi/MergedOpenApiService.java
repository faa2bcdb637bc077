package dev.vocloop.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocloop.gateway.routing.Backend;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the merged OpenAPI document and keeps it for a minute; a document missing a service (down
 * when asked) is rebuilt at the next request instead.
 */
@ApplicationScoped
public class MergedOpenApiService {

    /** Where the gateway's own document (API keys) is served, see application.properties. */
    static final String OWN_DOCUMENT_PATH = "/q/gateway-openapi?format=json";
    private static final Duration KEEP = Duration.ofMinutes(1);

    private final OpenApiDocumentsClient services;
    private final OpenApiMerger merger;
    private final ObjectMapper json;
    private final HttpClient loopback = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private volatile ObjectNode cached;
    private volatile Instant cachedUntil = Instant.MIN;

    public MergedOpenApiService(OpenApiDocumentsClient services, OpenApiMerger merger, ObjectMapper json) {
        this.services = services;
        this.merger = merger;
        this.json = json;
    }

    /** The merged document; {@code ownPort} is the port this gateway answers on, to read its own document. */
    public ObjectNode document(int ownPort) {
        ObjectNode current = cached;
        if (current != null && Instant.now().isBefore(cachedUntil)) {
            return current;
        }
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        fetch(Backend.GATEWAY, () -> own(ownPort), sources, unavailable);
        fetch(Backend.FEEDBACK, services::feedback, sources, unavailable);
        fetch(Backend.TICKET, services::ticket, sources, unavailable);
        fetch(Backend.SURVEY, services::survey, sources, unavailable);
        ObjectNode merged = merger.merge(sources, unavailable);
        if (unavailable.isEmpty()) {
            cached = merged;
            cachedUntil = Instant.now().plus(KEEP);
        }
        return merged;
    }

    private static void fetch(Backend backend, Supplier<ObjectNode> document, List<OpenApiMerger.Source> sources,
            List<String> unavailable) {
        try {
            sources.add(new OpenApiMerger.Source(backend, document.get()));
        } catch (RuntimeException e) {
            Log.warnf("OpenAPI document of %s unavailable: %s", backend, e.getMessage());
            unavailable.add(backend.name().toLowerCase() + (backend == Backend.GATEWAY ? "" : "-service"));
        }
    }

    private ObjectNode own(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + OWN_DOCUMENT_PATH))
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<byte[]> response = loopback.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode());
            }
            return (ObjectNode) json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
