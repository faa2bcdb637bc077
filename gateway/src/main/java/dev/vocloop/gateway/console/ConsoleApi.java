package dev.vocloop.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The pages' only way to data: the public API of this same gateway over HTTP, with the signed-in
 * user's key as the bearer token (or no key for the customers' token pages). Going through the
 * front door on purpose, so the console can do nothing an API client with the same key could not.
 */
@ApplicationScoped
public class ConsoleApi {

    /** The User-Agent of the pages' API calls. */
    public static final String USER_AGENT = "vocloop-console";

    private final ConsoleConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public ConsoleApi(ConsoleConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.apiTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** GET with the session's key. */
    public ApiResult get(ConsoleSession session, String pathAndQuery) {
        return send(session, "GET", pathAndQuery, null);
    }

    /** POST a JSON body with the session's key ({@code null} session: a public, token-carrying route). */
    public ApiResult post(ConsoleSession session, String path, Object body) {
        return send(session, "POST", path, body);
    }

    /** PUT a JSON body with the session's key (admin pages: replace a team, rule, policy or survey). */
    public ApiResult put(ConsoleSession session, String path, Object body) {
        return send(session, "PUT", path, body);
    }

    /** DELETE with the session's key (admin pages: delete a rule, revoke an API key). */
    public ApiResult delete(ConsoleSession session, String path) {
        return send(session, "DELETE", path, null);
    }

    /** PATCH a JSON body with the session's key. */
    public ApiResult patch(ConsoleSession session, String path, Object body) {
        return send(session, "PATCH", path, body);
    }

    /**
     * GET a body that may be large (an export) as a stream with the session's key. A 2xx answer
     * comes back unread for the caller to pass on (and close); anything else is read as an {@link ApiResult}.
     */
    public ApiStream stream(ConsoleSession session, String pathAndQuery, String accept) {
        try {
            // The timeout bounds the wait for the response head only; the body streams as long as it takes.
            HttpRequest request = request(session, pathAndQuery, accept).GET().build();
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                return new ApiStream(response.body(), null);
            }
            try (java.io.InputStream body = response.body()) {
                return new ApiStream(null, new ApiResult(response.statusCode(), parse(body.readAllBytes()),
                        response.headers().firstValue("Retry-After").orElse(null)));
            }
        } catch (IOException e) {
            Log.warnf("console: API stream %s failed: %s", pathOnly(pathAndQuery), e.getClass().getSimpleName());
            return new ApiStream(null, ApiResult.unreachable());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApiStream(null, ApiResult.unreachable());
        }
    }

    /** GET a public route, without a key. */
    public ApiResult getPublic(String pathAndQuery) {
        return send(null, "GET", pathAndQuery, null);
    }

    /** A request to this gateway's API with the session's key ({@code null}: none) and the browser's address. */
    private HttpRequest.Builder request(ConsoleSession session, String pathAndQuery, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(config.apiTimeout())
                .header("Accept", accept)
                // Tells the services' logs (and the test stubs) that a console page made the call.
                .header("User-Agent", USER_AGENT);
        if (session != null) {
            request.header("Authorization", "Bearer " + session.apiKey());
        }
        clientAddress().ifPresent(address -> request.header("X-Forwarded-For", address));
        return request;
    }

    private ApiResult send(ConsoleSession session, String method, String pathAndQuery, Object body) {
        try {
            HttpRequest.Builder request = request(session, pathAndQuery, "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResult(response.statusCode(), parse(response.body()),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            // Only the path: query strings may carry customer data and tokens are in paths of public routes.
            Log.warnf("console: API call %s %s failed: %s", method, pathOnly(pathAndQuery), e.getClass().getSimpleName());
            return ApiResult.unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResult.unreachable();
        }
    }

    /**
     * The address of the browser this page serves, passed on so that the gateway's per-address
     * rate limit counts each customer, not the console (the gateway believes X-Forwarded-For from
     * loopback, its own console, only: {@code quarkus.http.proxy.trusted-proxies}). Empty outside
     * a request, e.g. for an invitation upload that runs on after its page was answered.
     */
    private static java.util.Optional<String> clientAddress() {
        if (!io.quarkus.arc.Arc.container().requestContext().isActive()) {
            return java.util.Optional.empty();
        }
        io.vertx.ext.web.RoutingContext current = io.quarkus.arc.Arc.container()
                .instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get().getCurrent();
        if (current == null || current.request().remoteAddress() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(current.request().remoteAddress().hostAddress());
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private String baseUrl() {
        Optional<String> configured = config.apiUrl();
        if (configured.isPresent()) {
            return configured.get().replaceAll("/+$", "");
        }
        // With port 0 (tests) Quarkus publishes the port it actually bound as a system property.
        String property = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String port = System.getProperty(property);
        if (port == null) {
            port = ConfigProvider.getConfig().getOptionalValue(property, String.class).orElse("8080");
        }
        return "http://127.0.0.1:" + port;
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        return path.replaceAll("/(follow-ups|survey|unsubscribe)/[^/]+", "/$1/***");
    }
}
