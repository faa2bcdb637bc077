package dev.vocloop.ticket.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for survey-service on a dynamic port: records every follow-up request and can be
 * told to fail the next calls with 503, to prove that the outbox redelivers.
 */
public class SurveyStub implements QuarkusTestResourceLifecycleManager {

    /** One request as received. */
    public record Received(String path, String idempotencyKey, String body, String authorization) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Calls still to be answered with 503. */
    public static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    /** Calls still to be answered with 400. */
    public static final AtomicInteger REJECT_NEXT = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/follow-ups", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            int status = 201;
            String answer = "{\"id\":\"fu-1\",\"status\":\"SENT\",\"channel\":\"EMAIL\"}";
            if (FAIL_NEXT.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                status = 503;
                answer = "{\"status\":503}";
            } else if (REJECT_NEXT.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                status = 400;
                answer = "{\"status\":400}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return Map.of("quarkus.rest-client.survey-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The follow-ups received for one ticket. */
    public static List<Received> forTicket(String ticketId) {
        return RECEIVED.stream().filter(r -> r.idempotencyKey() != null && r.idempotencyKey().startsWith("ticket:" + ticketId + ":")).toList();
    }
}
