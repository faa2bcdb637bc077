package dev.vocloop.gateway.console;

import static dev.vocloop.gateway.console.Views.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the feedback explorer shows, read leniently from feedback-service's JSON like {@link Views}:
 * a missing field is an empty text. Label codes (BUG, NEGATIVE, …) are shown in the user's language
 * where the console knows them, else as they are (topics are configurable in feedback-service).
 */
public final class ExplorerViews {

    private ExplorerViews() {
    }

    /** One choice of a filter or correction select. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    static List<Option> options(List<String> values, String prefix, String chosen, Map<String, String> m) {
        List<Option> out = new ArrayList<>();
        for (String v : values) {
            out.add(new Option(v, label(m, prefix, v), v.equals(chosen)));
        }
        if (chosen != null && !chosen.isEmpty() && !values.contains(chosen)) {
            // A value the console does not list (e.g. a topic added in feedback-service) stays selectable.
            out.add(new Option(chosen, label(m, prefix, chosen), true));
        }
        return out;
    }

    static String label(Map<String, String> m, String prefix, String code) {
        return code == null || code.isEmpty() ? "" : m.getOrDefault(prefix + code, code);
    }

    /** One item in the list. */
    @TemplateData
    public record Row(String id, String receivedAt, String channel, String language, String intent, String topic,
            String sentiment, String sentimentCode, String priorityLevel, boolean needsTriage, String loopStatus, String text) {

        static Row of(JsonNode f, Map<String, String> m) {
            String text = str(f, "text");
            if (text.codePointCount(0, text.length()) > 160) {
                text = text.substring(0, text.offsetByCodePoints(0, 160)) + "…";
            }
            return new Row(str(f, "id"), day(str(f, "receivedAt")), label(m, "channel_", str(f, "channel")), str(f, "language"),
                    label(m, "intent_", str(f, "intent")), label(m, "topic_", str(f, "topic")),
                    label(m, "sentiment_", str(f, "sentiment")), str(f, "sentiment"), str(f.path("priority"), "level"),
                    f.path("needsTriage").asBoolean(false), label(m, "loop_", str(f, "loopStatus")), text);
        }
    }

    /** One reason of the priority score. */
    @TemplateData
    public record Reason(String code, String contribution, String detail) {
    }

    /** One item in full, as the detail page shows it. */
    @TemplateData
    public record Detail(String id, String text, String originalText, String title, String channel, String language,
            String intentCode, String intent, String intentConfidence, String topicCode, String topic, String topicConfidence,
            String sentimentCode, String sentiment, String sentimentScore, boolean needsTriage, boolean corrected,
            String priorityLevel, String priorityScore, List<Reason> reasons, String loopStatus, String ticketId, String team,
            String customerId, String customerTier, String customerStage, String product, String rating, String receivedAt) {

        static Detail of(JsonNode f, Map<String, String> m) {
            JsonNode p = f.path("priority");
            List<Reason> reasons = new ArrayList<>();
            for (JsonNode r : p.path("reasons")) {
                reasons.add(new Reason(str(r, "code"), str(r, "contribution"), str(r, "detail")));
            }
            JsonNode c = f.path("customer");
            return new Detail(str(f, "id"), str(f, "text"), str(f, "originalText"), str(f, "title"),
                    label(m, "channel_", str(f, "channel")), str(f, "language"),
                    str(f, "intent"), label(m, "intent_", str(f, "intent")), percent(f.path("intentConfidence")),
                    str(f, "topic"), label(m, "topic_", str(f, "topic")), percent(f.path("topicConfidence")),
                    str(f, "sentiment"), label(m, "sentiment_", str(f, "sentiment")), signed(f.path("sentimentScore")),
                    f.path("needsTriage").asBoolean(false), f.path("corrected").asBoolean(false), str(p, "level"), str(p, "score"),
                    reasons, label(m, "loop_", str(f, "loopStatus")), str(f, "ticketId"), str(f, "team"), str(c, "id"),
                    str(c, "tier"), str(c, "lifecycleStage"), str(f, "product"), str(f, "rating"), str(f, "receivedAt"));
        }
    }

    /** "2026-11-28" of an ISO instant: the list shows days, the detail the full time. */
    private static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }

    private static String percent(JsonNode v) {
        return v.isNumber() ? Math.round(v.asDouble() * 100) + " %" : "";
    }

    private static String signed(JsonNode v) {
        return v.isNumber() ? String.format("%+.2f", v.asDouble()) : "";
    }
}
