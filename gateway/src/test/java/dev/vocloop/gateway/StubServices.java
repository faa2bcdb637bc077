package dev.vocloop.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * The three services behind the gateway, as JDK HTTP servers on dynamic ports. Each answers with
 * an echo of the request it received ({@code service}, {@code method}, {@code uri}, {@code headers},
 * {@code body}), so tests see exactly what the gateway forwarded. A path containing {@code /slow}
 * answers after 5 s; {@code /q/openapi} serves the service's OpenAPI document from
 * {@code src/test/resources/openapi/<service>.json}. A GET from the console (User-Agent
 * {@code vocloop-console}) of a path with a fixture in
 * {@code src/test/resources/stub/<service><path>.json} answers that file instead of the echo (with
 * the status in its {@code _status} field, 200 when absent), and {@code GET /_stub/last?request=POST /path}
 * answers the echo of the last such request, for tests that check what a page sent.
 * {@code GET /_stub/all?request=POST /path} answers all such console requests in order (a JSON array).
 * A console POST of a path with a fixture {@code src/test/resources/stub/<service><path>.post.json}
 * answers that file (status in {@code _status}, 201 when absent); a console POST of a body with a
 * {@code customers} array (survey invitations) answers one item per customer, INVITED, or SKIPPED
 * with reason OPTED_OUT for ids starting with {@code optout-}, as survey-service's answer looks.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** The bootstrap admin key of the tests. */
    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpServer> servers = new java.util.ArrayList<>();

    /** The last echo per "METHOD path", per stub server (each service's context map). */
    private static final Map<String, byte[]> LAST = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every echo per "METHOD path", in order, for tests of pages that send in several requests. */
    private static final Map<String, List<byte[]>> ALL = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("feedback", "ticket", "survey")) {
            HttpServer server = start(service);
            servers.add(server);
            config.put("vocloop.gateway.services." + service + ".url", "http://127.0.0.1:" + server.getAddress().getPort());
        }
        // Short enough for the 504 test (the slow stub needs 5 s), long enough for a loaded build machine.
        config.put("vocloop.gateway.services.ticket.timeout", "2500ms");
        config.put("vocloop.gateway.admin-key", ADMIN_KEY);
        return config;
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private static HttpServer start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> handle(service, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to a console POST that needs more than the echo (see the class comment); false: echo it. */
    private static boolean consolePost(String service, String path, byte[] received, HttpExchange exchange) throws IOException {
        byte[] answer;
        int status;
        try (InputStream fixture = StubServices.class.getResourceAsStream("/stub/" + service + path + ".post.json")) {
            if (fixture != null) {
                answer = fixture.readAllBytes();
                status = JSON.readTree(answer).path("_status").asInt(201);
            } else {
                com.fasterxml.jackson.databind.JsonNode customers = received.length == 0 ? null : JSON.readTree(received).path("customers");
                if (customers == null || !customers.isArray()) {
                    return false;
                }
                List<Map<String, String>> items = new java.util.ArrayList<>();
                for (com.fasterxml.jackson.databind.JsonNode c : customers) {
                    String id = c.path("id").asText();
                    items.add(id.startsWith("optout-") ? Map.of("customerId", id, "status", "SKIPPED", "reason", "OPTED_OUT")
                            : Map.of("customerId", id, "status", "INVITED", "invitationId", "inv-" + id));
                }
                answer = JSON.writeValueAsBytes(Map.of("items", items));
                status = 200;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        return true;
    }

    /**
     * The fixture of a console request: for a GET {@code <path>@<name>=<value>.json} for the first
     * query parameter that has one, else {@code <path>.json}; for a POST {@code <path>.POST.json}.
     */
    private static InputStream fixture(String service, String path, HttpExchange exchange) {
        String base = "/stub/" + service + path;
        if ("POST".equals(exchange.getRequestMethod())) {
            return StubServices.class.getResourceAsStream(base + ".POST.json");
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            return null;
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                InputStream byQuery = StubServices.class.getResourceAsStream(base + "@"
                        + java.net.URLDecoder.decode(pair, StandardCharsets.UTF_8) + ".json");
                if (byQuery != null) {
                    return byQuery;
                }
            }
        }
        return StubServices.class.getResourceAsStream(base + ".json");
    }

    private static void handle(String service, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/q/openapi")) {
                try (InputStream doc = StubServices.class.getResourceAsStream("/openapi/" + service + ".json")) {
                    byte[] body = doc.readAllBytes();
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                return;
            }
            if (path.equals("/_stub/last")) {
                String request = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("request=".length()),
                        StandardCharsets.UTF_8);
                byte[] last = LAST.getOrDefault(service + " " + request, "{}".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, last.length);
                exchange.getResponseBody().write(last);
                return;
            }
            if (path.equals("/_stub/all")) {
                String request = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("request=".length()),
                        StandardCharsets.UTF_8);
                List<byte[]> all = ALL.getOrDefault(service + " " + request, List.of());
                byte[] body;
                synchronized (all) {
                    body = ("[" + String.join(",", all.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList()) + "]")
                            .getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            if ("feedback".equals(service) && FeedbackFake.handle(exchange)) {
                return;
            }
            boolean console = "vocloop-console".equals(exchange.getRequestHeaders().getFirst("User-Agent"));
            try (InputStream fixture = console ? fixture(service, path, exchange) : null) {
                if (fixture != null) {
                    byte[] body = fixture.readAllBytes();
                    int status = JSON.readTree(body).path("_status").asInt(200);
                    exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
            }
            if (path.contains("/slow")) {
                Thread.sleep(5_000);
            }
            byte[] received = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Map<String, Object> echo = new LinkedHashMap<>();
            // "id": the last path segment, so that a generated client can read a resource by id.
            echo.put("id", path.substring(path.lastIndexOf('/') + 1));
            echo.put("service", service);
            echo.put("method", exchange.getRequestMethod());
            echo.put("uri", exchange.getRequestURI().toString());
            echo.put("headers", headers);
            echo.put("body", new String(received, StandardCharsets.UTF_8));
            byte[] body = JSON.writeValueAsBytes(echo);
            LAST.put(service + " " + exchange.getRequestMethod() + " " + path, body);
            if (console) {
                // Kept for the console's tests only: other tests send bodies up to the size limits.
                ALL.computeIfAbsent(service + " " + exchange.getRequestMethod() + " " + path,
                        k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>())).add(body);
            }
            if (console && "POST".equals(exchange.getRequestMethod()) && consolePost(service, path, received, exchange)) {
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Stub", service);
            int status = "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
