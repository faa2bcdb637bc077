package dev.vocloop.gateway;

import dev.vocloop.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * feedback-service's list, item, correction and CSV export API for the explorer's tests, on the
 * feedback stub of {@link StubServices}: items from {@code stub/feedback/explorer-items.json} plus
 * 20 older filler items (so there is a second page). It follows the documented contract of
 * {@code FeedbackResource} / {@code FeedbackQuery}: exact filters, {@code needsTriage}, {@code from}
 * inclusive and {@code to} exclusive, {@code q} a case-insensitive substring of the masked text,
 * newest first, cursor paging, 400 problem+json for unknown labels, {@code originalText} only for
 * AGENT / ADMIN, a correction sets confidence 1, clears triage and marks the item corrected; the
 * CSV export prefixes formula-like text cells, as the service does. It answers the console's calls
 * only (User-Agent {@code vocloop-console}); {@code POST /_stub/feedback/reset}
 * restores the items; {@code GET /_stub/feedback/last} tells what the last list and correction received.
 */
final class FeedbackFake {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHANNELS = Set.of("IN_APP", "EMAIL", "SUPPORT_CHAT", "SOCIAL", "APP_REVIEW", "SURVEY");
    private static final Set<String> INTENTS = Set.of("BUG", "FEATURE_REQUEST", "QUESTION", "COMPLAINT", "PRAISE", "OTHER");
    private static final Set<String> SENTIMENTS = Set.of("NEGATIVE", "NEUTRAL", "POSITIVE");
    private static final List<String> TOPICS = List.of("ACCOUNT", "BILLING", "PERFORMANCE", "USABILITY", "DELIVERY", "SUPPORT",
            "PRIVACY", "OTHER");
    private static final List<String> CSV_COLUMNS = List.of("id", "receivedAt", "channel", "language", "intent",
            "intentConfidence", "topic", "sentiment", "sentimentScore", "priorityScore", "priorityLevel", "loopStatus",
            "ticketId", "product", "customerId", "rating", "needsTriage", "text");

    private static final Map<String, ObjectNode> ITEMS = new LinkedHashMap<>();
    private static final ObjectNode LAST = JSON.createObjectNode();

    static {
        reset();
    }

    private FeedbackFake() {
    }

    /** Answers the request if it is one of the explorer's; false leaves it to the stub. */
    static boolean handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        synchronized (ITEMS) {
            if (path.equals("/_stub/feedback/reset")) {
                reset();
                send(exchange, 204, null, null);
                return true;
            }
            if (path.equals("/_stub/feedback/last")) {
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(LAST));
                return true;
            }
            // Only the console's calls: other tests check the stub's echo of what the gateway forwarded.
            boolean console = "vocloop-console".equals(exchange.getRequestHeaders().getFirst("User-Agent"));
            if (!console) {
                return false;
            }
            if (path.equals("/api/v1/feedback") && method.equals("GET")) {
                list(exchange);
                return true;
            }
            String prefix = "/api/v1/feedback/";
            if (path.startsWith(prefix) && ITEMS.containsKey(path.substring(prefix.length()))) {
                ObjectNode item = ITEMS.get(path.substring(prefix.length()));
                String role = roleOf(exchange);
                if (method.equals("PATCH")) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    ObjectNode patch = LAST.putObject("patch");
                    patch.put("role", role);
                    patch.put("body", new String(body, StandardCharsets.UTF_8));
                    String problem = correct(item, JSON.readTree(body));
                    if (problem != null) {
                        problem(exchange, problem);
                        return true;
                    }
                } else if (!method.equals("GET")) {
                    return false;
                }
                send(exchange, 200, "application/json", JSON.writeValueAsBytes(view(item, "AGENT".equals(role) || "ADMIN".equals(role))));
                return true;
            }
            if (method.equals("GET") && path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0
                    && FeedbackFake.class.getResource("/stub/feedback" + path + ".json") == null) {
                // An id nobody has: what the service answers (other callers keep the stub's echo).
                ObjectNode p = JSON.createObjectNode().put("type", "about:blank").put("title", "Not Found").put("status", 404)
                        .put("detail", "no feedback with this id");
                send(exchange, 404, "application/problem+json", JSON.writeValueAsBytes(p));
                return true;
            }
            return false;
        }
    }

    private static void list(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        ObjectNode last = LAST.putObject("list");
        last.put("query", String.valueOf(exchange.getRequestURI().getRawQuery()));
        last.put("accept", accept);
        for (Map.Entry<String, Set<String>> check : Map.of("channel", CHANNELS, "intent", INTENTS, "sentiment", SENTIMENTS).entrySet()) {
            String v = q.get(check.getKey());
            if (v != null && !check.getValue().contains(v)) {
                problem(exchange, check.getKey() + ": must be one of " + check.getValue().stream().sorted().toList());
                return;
            }
        }
        int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
        if (limit < 1 || limit > 200) {
            problem(exchange, "limit: must be between 1 and 200");
            return;
        }
        List<ObjectNode> matches = ITEMS.values().stream().filter(f -> matches(f, q))
                .sorted(Comparator.comparing((ObjectNode f) -> f.path("receivedAt").asText()).reversed()).toList();
        if (accept.contains("text/csv")) {
            csv(exchange, matches);
            return;
        }
        int offset = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor").substring("after-".length())) : 0;
        ArrayNode items = JSON.createArrayNode();
        matches.stream().skip(offset).limit(limit).forEach(f -> items.add(view(f, false)));
        ObjectNode page = JSON.createObjectNode();
        page.set("items", items);
        if (offset + limit < matches.size()) {
            page.put("nextCursor", "after-" + (offset + limit));
        }
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(page));
    }

    private static boolean matches(ObjectNode f, Map<String, String> q) {
        Map<String, String> fields = Map.of("channel", "channel", "intent", "intent", "topic", "topic", "sentiment", "sentiment",
                "language", "language", "loopStatus", "loopStatus", "product", "product", "ticketId", "ticketId");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String v = q.get(e.getKey());
            if (v != null && !v.equals(f.path(e.getValue()).asText())) {
                return false;
            }
        }
        if (q.containsKey("priority") && !q.get("priority").equals(f.path("priority").path("level").asText())) {
            return false;
        }
        if (q.containsKey("needsTriage") && Boolean.parseBoolean(q.get("needsTriage")) != f.path("needsTriage").asBoolean()) {
            return false;
        }
        Instant received = Instant.parse(f.path("receivedAt").asText());
        if (q.containsKey("from") && received.isBefore(Instant.parse(q.get("from")))) {
            return false;
        }
        if (q.containsKey("to") && !received.isBefore(Instant.parse(q.get("to")))) {
            return false;
        }
        return !q.containsKey("q")
                || f.path("text").asText().toLowerCase(Locale.ROOT).contains(q.get("q").strip().toLowerCase(Locale.ROOT));
    }

    private static void csv(HttpExchange exchange, List<ObjectNode> matches) throws IOException {
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.builder().addColumns(CSV_COLUMNS, CsvSchema.ColumnType.STRING).build().withHeader();
        StringWriter out = new StringWriter();
        try (var rows = csv.writer(schema).writeValues(out)) {
            for (ObjectNode f : matches) {
                String text = f.path("text").asText();
                // The service guards the text column only.
                String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
                rows.write(Arrays.asList(f.path("id").asText(), f.path("receivedAt").asText(), f.path("channel").asText(),
                        f.path("language").asText(), f.path("intent").asText(), f.path("intentConfidence").asText(),
                        f.path("topic").asText(), f.path("sentiment").asText(), f.path("sentimentScore").asText(),
                        f.path("priority").path("score").asText(), f.path("priority").path("level").asText(),
                        f.path("loopStatus").asText(), f.path("ticketId").asText(null), f.path("product").asText(null),
                        f.path("customer").path("id").asText(null), f.path("rating").asText(null),
                        f.path("needsTriage").asText(), safe));
            }
        }
        send(exchange, 200, "text/csv; charset=UTF-8", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Applies a correction; answers the problem's detail when it is refused. */
    private static String correct(ObjectNode item, JsonNode c) {
        if (!c.hasNonNull("intent") && !c.hasNonNull("topic") && !c.hasNonNull("sentiment")) {
            return "give at least one of intent, topic, sentiment";
        }
        if (c.hasNonNull("intent") && !INTENTS.contains(c.get("intent").asText())) {
            return "intent: must be one of " + INTENTS.stream().sorted().toList();
        }
        if (c.hasNonNull("topic") && !TOPICS.contains(c.get("topic").asText())) {
            return "topic: must be one of " + TOPICS;
        }
        if (c.hasNonNull("sentiment") && !SENTIMENTS.contains(c.get("sentiment").asText())) {
            return "sentiment: must be one of " + SENTIMENTS.stream().sorted().toList();
        }
        if (c.hasNonNull("intent")) {
            item.put("intent", c.get("intent").asText());
            item.put("intentConfidence", 1.0);
        }
        if (c.hasNonNull("topic")) {
            item.put("topic", c.get("topic").asText());
            item.put("topicConfidence", 1.0);
        }
        if (c.hasNonNull("sentiment")) {
            item.put("sentiment", c.get("sentiment").asText());
        }
        item.put("needsTriage", false);
        item.put("corrected", true);
        return null;
    }

    private static ObjectNode view(ObjectNode item, boolean privileged) {
        ObjectNode v = item.deepCopy();
        JsonNode original = v.remove("_original");
        if (privileged && original != null) {
            v.set("originalText", original);
        }
        return v;
    }

    private static void reset() {
        ITEMS.clear();
        try (InputStream in = FeedbackFake.class.getResourceAsStream("/stub/feedback/explorer-items.json")) {
            for (JsonNode item : JSON.readTree(in)) {
                ITEMS.put(item.path("id").asText(), (ObjectNode) item);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < 20; i++) {
            ObjectNode filler = JSON.createObjectNode();
            filler.put("id", String.format("fb-f%02d", i));
            filler.put("channel", "EMAIL");
            filler.put("text", "Older note " + i + " about the newsletter");
            filler.put("language", "en");
            filler.put("intent", "OTHER");
            filler.put("intentConfidence", 0.7);
            filler.put("topic", "OTHER");
            filler.put("topicConfidence", 0.7);
            filler.put("sentiment", "NEUTRAL");
            filler.put("sentimentScore", 0.0);
            filler.put("needsTriage", false);
            filler.putObject("priority").put("score", 15).put("level", "P4").putArray("reasons");
            filler.put("loopStatus", "NOT_ACTIONABLE");
            filler.put("receivedAt", String.format("2026-09-%02dT10:00:00Z", i + 1));
            ITEMS.put(filler.path("id").asText(), filler);
        }
        LAST.removeAll();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    private static void problem(HttpExchange exchange, String detail) throws IOException {
        ObjectNode p = JSON.createObjectNode().put("type", "about:blank").put("title", "Bad Request").put("status", 400)
                .put("detail", detail);
        send(exchange, 400, "application/problem+json", JSON.writeValueAsBytes(p));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            exchange.getResponseBody().write(body);
        }
    }

    /** The role in the internal token the gateway signed, as feedback-service reads it. */
    private static String roleOf(HttpExchange exchange) {
        try {
            return TestTokens.verify(exchange.getRequestHeaders().getFirst("Authorization"))
                    .getStringListClaimValue("groups").get(0);
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new AssertionError(e);
        }
    }
}
