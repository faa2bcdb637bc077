package dev.vocloop.gateway.console;

import static dev.vocloop.gateway.console.Views.str;
import static dev.vocloop.gateway.console.Views.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * What the admin pages show, read leniently from the API's JSON like {@link Views}: a missing
 * field is an empty text, so a page survives a service that answers less than expected.
 */
public final class AdminViews {

    private AdminViews() {
    }

    /** A team with its business calendar, flattened for a table row and an edit form. */
    @TemplateData
    public record Team(String key, String name, String members, String lead, String timezone, List<String> workingDays,
            String workStart, String workEnd, String holidays, String version) {

        static Team of(JsonNode t) {
            JsonNode c = t.path("calendar");
            return new Team(str(t, "key"), str(t, "name"), String.join(", ", strings(t.path("members"))), str(t, "lead"),
                    str(c, "timezone"), strings(c.path("workingDays")), hhmm(str(c, "workStart")), hhmm(str(c, "workEnd")),
                    String.join(", ", strings(c.path("holidays"))), str(t, "version"));
        }

        /** The new-team form: ticket-service's default calendar, Monday to Friday 09:00-18:00 in Shanghai. */
        static Team blank() {
            return new Team("", "", "", "", "Asia/Shanghai", AdminResource.WEEKDAYS, "09:00", "18:00", "", "");
        }

        public boolean works(String day) {
            return workingDays.contains(day);
        }
    }

    /** A routing rule: its conditions as comma-separated texts, the way the form edits them. */
    @TemplateData
    public record Rule(String id, String position, String name, boolean enabled, String intents, String topics,
            String channels, String languages, String priorities, String products, String tiers, String lifecycleStages,
            String keywords, String team, String tags, String raisePriority, String version) {

        static Rule of(JsonNode r) {
            JsonNode c = r.path("conditions");
            JsonNode a = r.path("action");
            return new Rule(str(r, "id"), str(r, "position"), str(r, "name"), r.path("enabled").asBoolean(true),
                    joined(c, "intents"), joined(c, "topics"), joined(c, "channels"), joined(c, "languages"),
                    joined(c, "priorities"), joined(c, "products"), joined(c, "tiers"), joined(c, "lifecycleStages"),
                    joined(c, "keywords"), str(a, "team"), joined(a, "tags"), str(a, "raisePriority"), str(r, "version"));
        }

        /** The new-rule form: enabled, no conditions yet, appended at the end. */
        static Rule blank() {
            return new Rule("", "", "", true, "", "", "", "", "", "", "", "", "", "", "", "", "");
        }

        /** The non-empty conditions, "intent: BUG, COMPLAINT", for the rules table. */
        public List<String> summary() {
            List<String> out = new ArrayList<>();
            add(out, "intent", intents);
            add(out, "topic", topics);
            add(out, "channel", channels);
            add(out, "language", languages);
            add(out, "priority", priorities);
            add(out, "product", products);
            add(out, "tier", tiers);
            add(out, "lifecycleStage", lifecycleStages);
            add(out, "keywords", keywords);
            return out;
        }

        private static void add(List<String> out, String label, String value) {
            if (!value.isEmpty()) {
                out.add(label + ": " + value);
            }
        }
    }

    /** The answer of a routing dry run: the team, the rule that matched (none: the default team) and why. */
    @TemplateData
    public record Decision(String team, String ruleId, String ruleName, List<String> reasons, List<String> tags, String priority) {

        static Decision of(JsonNode d) {
            return new Decision(str(d, "team"), str(d, "ruleId"), str(d, "ruleName"), strings(d.path("reasons")),
                    strings(d.path("tags")), str(d, "priority"));
        }
    }

    /** The SLA targets of one priority. */
    @TemplateData
    public record SlaPolicy(String priority, String firstResponse, String resolution, boolean businessHours, String version,
            String updatedAt) {

        static SlaPolicy of(JsonNode p) {
            return new SlaPolicy(str(p, "priority"), str(p, "firstResponse"), str(p, "resolution"),
                    p.path("businessHours").asBoolean(false), str(p, "version"), when(str(p, "updatedAt")));
        }
    }

    /** A survey with its wording in the two console languages. */
    @TemplateData
    public record Survey(String id, String type, String name, String questionZh, String questionEn, String followUpZh,
            String followUpEn, String status, String scale, String createdAt) {

        static Survey of(JsonNode s) {
            JsonNode q = s.path("questions");
            JsonNode f = s.path("followUpQuestions");
            String min = str(s, "scaleMin");
            String max = str(s, "scaleMax");
            return new Survey(str(s, "id"), str(s, "type"), str(s, "name"), str(q, Messages.ZH), str(q, Messages.EN),
                    str(f, Messages.ZH), str(f, Messages.EN), str(s, "status"),
                    min.isEmpty() || max.isEmpty() ? "" : min + "-" + max, when(str(s, "createdAt")));
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /** The message key of the status, for a label in the user's language. */
        public String statusKey() {
            return "survey_status_" + status;
        }
    }

    /** One invitation of a survey with the state of its e-mail. */
    @TemplateData
    public record Invitation(String id, String customerId, String channel, String status, String createdAt, String answeredAt,
            String mailStatus, String mailAttempts, String mailError) {

        static Invitation of(JsonNode i) {
            JsonNode m = i.path("mail");
            return new Invitation(str(i, "id"), str(i, "customerId"), str(i, "channel"), str(i, "status"), when(str(i, "createdAt")),
                    when(str(i, "answeredAt")), str(m, "status"), str(m, "attempts"), str(m, "lastError"));
        }
    }

    /**
     * An API key as listed: never its secret.
     *
     * @param identity CUSTOMER_APP keys: "required" or "off" (customer identity verification); empty for other roles
     */
    @TemplateData
    public record ApiKey(String id, String name, String role, String teams, String prefix, String createdAt, String lastUsedAt,
            String revokedAt, String identity) {

        static ApiKey of(JsonNode k) {
            JsonNode identity = k.path("identityRequired");
            return new ApiKey(str(k, "id"), str(k, "name"), str(k, "role"), String.join(", ", strings(k.path("teams"))),
                    str(k, "prefix"), when(str(k, "createdAt")), when(str(k, "lastUsedAt")), when(str(k, "revokedAt")),
                    identity.isBoolean() ? (identity.asBoolean() ? "required" : "off") : "");
        }

        public boolean revoked() {
            return !revokedAt.isEmpty();
        }
    }

    /** A choice in a form: the value sent and the message key of its label. */
    @TemplateData
    public record Option(String value, String label) {

        /** One option per value, labelled by the message {@code prefix + value}. */
        static List<Option> of(String prefix, List<String> values) {
            return values.stream().map(v -> new Option(v, prefix + v)).toList();
        }
    }

    private static String joined(JsonNode node, String field) {
        return String.join(", ", strings(node.path(field)));
    }

    private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** An API instant as people read it, to the minute and in UTC like the API; what cannot be parsed stays as it is. */
    static String when(String instant) {
        if (instant.isEmpty()) {
            return instant;
        }
        try {
            return MINUTES.format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    /** "09:00:00" → "09:00": what an {@code <input type=time>} shows. */
    private static String hhmm(String time) {
        return time.length() > 5 ? time.substring(0, 5) : time;
    }
}
