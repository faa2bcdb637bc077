package dev.vocloop.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the templates show, read leniently from the API's JSON: a missing field is an empty text,
 * never an error, so a page survives a service that answers less than expected.
 */
public final class Views {

    private Views() {
    }

    /** One ticket in a queue; {@code slaClass} is ok, risk or breached. */
    @TemplateData
    public record TicketRow(String id, String subject, String priority, String status, String team, String assignee,
            String slaLeft, String slaClass, String createdAt) {

        static TicketRow of(JsonNode t) {
            JsonNode sla = t.path("sla");
            JsonNode left = sla.path("resolutionLeftSeconds");
            String state = str(sla, "state");
            String slaClass;
            if ("BREACHED".equalsIgnoreCase(state) || (left.isNumber() && left.asLong() < 0)) {
                slaClass = "breached";
            } else if ("AT_RISK".equalsIgnoreCase(state) || (left.isNumber() && left.asLong() < 3600)) {
                slaClass = "risk";
            } else {
                slaClass = "ok";
            }
            return new TicketRow(str(t, "id"), str(t, "subject"), str(t, "priority"), str(t, "status"), str(t, "team"),
                    str(t, "assignee"), left.isNumber() ? duration(left.asLong()) : "", slaClass, str(t, "createdAt"));
        }
    }

    @TemplateData
    public record TicketDetail(TicketRow row, String text, String channel, String language, String intent, String topic,
            String sentiment, String customerId, String customerName, String customerTier, String resolution,
            List<String> feedbackIds, List<String> allowedTransitions, boolean resolvable, boolean canWait) {

        static TicketDetail of(JsonNode t) {
            List<String> transitions = strings(t.path("allowedTransitions"));
            JsonNode c = t.path("customer");
            return new TicketDetail(TicketRow.of(t), str(t, "text"), str(t, "channel"), str(t, "language"),
                    str(t, "intent"), str(t, "topic"), str(t, "sentiment"), str(c, "id"), str(c, "name"), str(c, "tier"),
                    str(t, "resolution"), strings(t.path("feedbackIds")), transitions, transitions.contains("RESOLVED"),
                    transitions.contains("WAITING_ON_CUSTOMER"));
        }
    }

    @TemplateData
    public record Comment(String author, String visibility, String body, String at) {
        static Comment of(JsonNode c) {
            return new Comment(str(c, "author"), str(c, "visibility"), str(c, "body"), str(c, "createdAt"));
        }
    }

    @TemplateData
    public record HistoryEntry(String at, String actor, String action, String field, String before, String after) {
        static HistoryEntry of(JsonNode h) {
            return new HistoryEntry(str(h, "at"), str(h, "actor"), str(h, "action"), str(h, "field"), str(h, "before"),
                    str(h, "after"));
        }
    }

    /** The feedback behind a ticket, with the reasons of its priority. */
    @TemplateData
    public record Feedback(String id, String text, String channel, String intent, String topic, String sentiment,
            String priorityLevel, String priorityScore, List<String> reasons) {
        static Feedback of(JsonNode f) {
            JsonNode p = f.path("priority");
            List<String> reasons = new ArrayList<>();
            for (JsonNode r : p.path("reasons")) {
                String detail = str(r, "detail");
                reasons.add(str(r, "code") + " +" + str(r, "contribution") + (detail.isEmpty() ? "" : " (" + detail + ")"));
            }
            String body = str(f, "text").isEmpty() ? str(f, "textMasked") : str(f, "text");
            return new Feedback(str(f, "id"), body, str(f, "channel"), str(f, "intent"), str(f, "topic"),
                    str(f, "sentiment"), str(p, "level"), str(p, "score"), reasons);
        }
    }

    /** A labelled count, e.g. an intent and how many feedback items had it. */
    @TemplateData
    public record Count(String label, long count) {
    }

    static <T> List<T> items(JsonNode list, java.util.function.Function<JsonNode, T> mapper) {
        List<T> out = new ArrayList<>();
        JsonNode items = list.isArray() ? list : list.path("items");
        for (JsonNode item : items) {
            if (item.isObject()) {
                out.add(mapper.apply(item));
            }
        }
        return out;
    }

    static String str(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array) {
            if (v.isValueNode()) {
                out.add(v.asText());
            }
        }
        return out;
    }

    /** "2h 05m", "-35m" for overdue: the SLA time left as an agent reads it. */
    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(Math.abs(seconds));
        String sign = seconds < 0 ? "-" : "";
        if (d.toDays() > 0) {
            return sign + d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return sign + d.toHours() + "h " + String.format("%02dm", d.toMinutesPart());
        }
        return sign + Math.max(d.toMinutes(), 0) + "m";
    }
}
