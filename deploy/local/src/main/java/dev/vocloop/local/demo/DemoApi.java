package dev.vocloop.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The platform's public API as the demo loader calls it: through the gateway, with one API key per call. */
final class DemoApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    DemoApi(String gateway) {
        this.gateway = gateway;
    }

    JsonNode get(String key, String path) {
        return send(key, HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    JsonNode post(String key, String path, Object body) {
        return send(key, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)), path);
    }

    JsonNode put(String key, String path, Object body) {
        return send(key, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)), path);
    }

    /** A raw e-mail to the inbound-email route. */
    JsonNode postMail(String key, byte[] rfc822) {
        String path = "/api/v1/feedback/inbound-email";
        return send(key, HttpRequest.newBuilder(uri(path)).header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofByteArray(rfc822)), path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode send(String key, HttpRequest.Builder request, String path) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(60));
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DemoException(built.method() + " " + path + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted during " + built.method() + " " + path);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            // problem+json: the detail says what was wrong; nothing else of the answer is worth printing.
            String detail = body.path("detail").asText(body.path("title").asText(""));
            throw new DemoException(built.method() + " " + path + " answered " + response.statusCode()
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        return body;
    }

    private URI uri(String path) {
        return URI.create(gateway + path);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not serialisable: " + body, e);
        }
    }

    /** A call the platform refused or could not answer; the message names the call. */
    static final class DemoException extends RuntimeException {
        DemoException(String message) {
            super(message);
        }
    }
}
