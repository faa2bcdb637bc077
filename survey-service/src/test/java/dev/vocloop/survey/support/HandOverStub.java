package dev.vocloop.survey.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for ticket-service and feedback-service: a JDK HTTP server on a free port that records
 * every call and answers 200, or, per path, a scripted list of statuses (e.g. 503, 503, then 200).
 */
public class HandOverStub implements QuarkusTestResourceLifecycleManager {

    /** One call received. */
    public record Call(String method, String path, String idempotencyKey, String body, String authorization) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final Map<String, List<Integer>> SCRIPTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            CALLS.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            int n = SEEN.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
            List<Integer> script = SCRIPTS.get(path);
            int status = script == null ? 200 : script.get(Math.min(n, script.size() - 1));
            byte[] answer = (status < 300 ? "{\"ok\":true}" : "{\"status\":" + status + ",\"title\":\"scripted\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.ticket-service.url", url,
                "quarkus.rest-client.feedback-service.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers the calls to {@code path} with these statuses in turn, repeating the last one. */
    public static void script(String path, Integer... statuses) {
        SCRIPTS.put(path, List.of(statuses));
        SEEN.remove(path);
    }

    public static List<Call> calls() {
        return List.copyOf(CALLS);
    }

    /** Calls that carried the given Idempotency-Key. */
    public static List<Call> callsWithKey(String key) {
        return CALLS.stream().filter(c -> key.equals(c.idempotencyKey())).toList();
    }
}
