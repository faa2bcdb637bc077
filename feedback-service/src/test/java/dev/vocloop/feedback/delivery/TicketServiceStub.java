package dev.vocloop.feedback.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for ticket-service on a dynamic port. It behaves per feedback text, so tests running
 * in one app do not disturb each other: "[fail-N]" answers 503 to the first N calls of that item,
 * "[reject]" answers 422. It answers a repeated Idempotency-Key with the first ticket, like the
 * real one. {@code GET /_stub/calls?key=...} tells the test what it received.
 */
public class TicketServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final Pattern FAIL = Pattern.compile("\\[fail-(\\d+)]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, String> tickets = new ConcurrentHashMap<>();
    private final List<String> badRequests = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/internal/tickets/from-feedback", this::fromFeedback);
        server.createContext("/_stub/calls", this::callsOf);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.ticket-service.url", url, "test.ticket-stub.url", url);
    }

    private void fromFeedback(HttpExchange ex) throws IOException {
        // Like ticket-service, refuse a hand-over that is not signed as a service (the signature
        // itself is checked by the real ticket-service in the end-to-end tests).
        if (!carriesServiceToken(ex.getRequestHeaders().getFirst("Authorization"))) {
            badRequests.add("no service token");
            respond(ex, 401, "{\"title\":\"Unauthorized\"}");
            return;
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = JSON.readTree(ex.getRequestBody());
        if (key == null || !key.equals("feedback:" + body.path("feedbackId").asText())) {
            badRequests.add(String.valueOf(key));
            respond(ex, 400, "{\"title\":\"missing or wrong Idempotency-Key\"}");
            return;
        }
        int n = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        String text = body.path("text").asText();
        Matcher fail = FAIL.matcher(text);
        if (fail.find() && n <= Integer.parseInt(fail.group(1))) {
            respond(ex, 503, "{\"title\":\"unavailable\"}");
            return;
        }
        if (text.contains("[reject]")) {
            respond(ex, 422, "{\"title\":\"unprocessable\"}");
            return;
        }
        boolean repeat = tickets.containsKey(key);
        String ticketId = tickets.computeIfAbsent(key, k -> "t-" + k.substring("feedback:".length()));
        respond(ex, repeat ? 200 : 201, "{\"ticketId\":\"" + ticketId + "\",\"team\":\"support\",\"status\":\"OPEN\",\"priority\":\"P2\",\"merged\":false}");
    }

    private static boolean carriesServiceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("groups").toString().contains("\"SERVICE\"")
                    && "feedback-service".equals(claims.path("sub").asText());
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void callsOf(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        String key = query == null ? "" : java.net.URLDecoder.decode(query.replaceFirst("^key=", ""), StandardCharsets.UTF_8);
        AtomicInteger n = calls.get(key);
        respond(ex, 200, "{\"calls\":" + (n == null ? 0 : n.get()) + ",\"badRequests\":" + badRequests.size() + "}");
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
