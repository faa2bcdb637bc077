package dev.vocloop.gateway.console;

import dev.vocloop.gateway.console.ExplorerViews.Detail;
import dev.vocloop.gateway.console.ExplorerViews.Row;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The product team's feedback explorer: the filtered, keyword-searchable list of feedback (masked
 * text, as feedback-service serves it to every role), one item with its classification, priority
 * reasons and loop status, the correction of its labels, and the CSV export of the current filter.
 * Everything goes through {@code /api/v1/feedback} with the user's key.
 */
@Path("/console/explorer")
@Produces(MediaType.TEXT_HTML)
public class ExplorerResource {

    static final List<String> CHANNELS = List.of("IN_APP", "EMAIL", "SUPPORT_CHAT", "SOCIAL", "APP_REVIEW", "SURVEY");
    static final List<String> INTENTS = List.of("BUG", "FEATURE_REQUEST", "QUESTION", "COMPLAINT", "PRAISE", "OTHER");
    /** feedback-service's default topics; it may be configured with others, which the form accepts too. */
    static final List<String> TOPICS = List.of("ACCOUNT", "BILLING", "PERFORMANCE", "USABILITY", "DELIVERY", "SUPPORT",
            "PRIVACY", "OTHER");
    static final List<String> SENTIMENTS = List.of("NEGATIVE", "NEUTRAL", "POSITIVE");
    static final List<String> LANGUAGES = List.of("zh", "en", "other");
    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    static final List<String> TRIAGE = List.of("yes", "no");

    static final int PAGE_SIZE = 25;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    /** Label values go into a query string: codes only (feedback-service validates the rest). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,50}");

    private final ConsolePages pages;
    private final ConsoleApi api;
    private final Messages messages;

    public ExplorerResource(ConsolePages pages, ConsoleApi api, Messages messages) {
        this.pages = pages;
        this.api = api;
        this.messages = messages;
    }

    /** The explorer's filters, from the query string of the page, its next page and its export. */
    public static class Filter {
        @QueryParam("channel")
        String channel;
        @QueryParam("intent")
        String intent;
        @QueryParam("topic")
        String topic;
        @QueryParam("sentiment")
        String sentiment;
        @QueryParam("language")
        String language;
        @QueryParam("priority")
        String priority;
        @QueryParam("triage")
        String triage;
        @QueryParam("from")
        String from;
        @QueryParam("to")
        String to;
        @QueryParam("q")
        String q;

        /** The filters as the page's own query string (for links), without the cursor. */
        Map<String, String> values() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("channel", code(channel));
            v.put("intent", code(intent));
            v.put("topic", code(topic));
            v.put("sentiment", code(sentiment));
            v.put("language", code(language));
            v.put("priority", code(priority));
            v.put("triage", triage != null && TRIAGE.contains(triage) ? triage : "");
            v.put("from", trim(from));
            v.put("to", trim(to));
            v.put("q", trim(q));
            return v;
        }

        String pageQuery() {
            StringJoiner j = new StringJoiner("&");
            values().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    j.add(k + "=" + Web.enc(v));
                }
            });
            return j.toString();
        }

        /**
         * The filters as feedback-service's query. Dates are whole days in UTC: {@code to} includes
         * its day, so it becomes the start of the next day (the API's {@code to} is exclusive).
         */
        String apiQuery() {
            Map<String, String> v = values();
            StringJoiner j = new StringJoiner("&");
            for (String k : List.of("channel", "intent", "topic", "sentiment", "language", "priority", "q")) {
                if (!v.get(k).isEmpty()) {
                    j.add(k + "=" + Web.enc(v.get(k)));
                }
            }
            if (!v.get("triage").isEmpty()) {
                j.add("needsTriage=" + "yes".equals(v.get("triage")));
            }
            if (!v.get("from").isEmpty()) {
                j.add("from=" + day(v.get("from")) + "T00:00:00Z");
            }
            if (!v.get("to").isEmpty()) {
                j.add("to=" + day(v.get("to")).plusDays(1) + "T00:00:00Z");
            }
            return j.toString();
        }

        private static String code(String value) {
            String v = trim(value);
            return CODE.matcher(v).matches() ? v : "";
        }

        private static String trim(String value) {
            return value == null ? "" : value.strip();
        }

        private static LocalDate day(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new ConsoleException(400, "explorer_bad_date", null);
            }
        }
    }

    @GET
    public TemplateInstance list(@Context HttpHeaders headers, @BeanParam Filter filter, @QueryParam("cursor") String cursor,
            @QueryParam("lang") String lang) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireRole(session.isProduct());
        String language = Web.language(headers, lang);
        Map<String, String> m = pagesTexts(language);
        Map<String, String> values = filter.values();
        String pageQuery = filter.pageQuery();
        List<Row> rows = List.of();
        String nextCursor = null;
        String error = null;
        String errorDetail = null;
        try {
            String query = filter.apiQuery();
            String c = cursor == null || cursor.isBlank() ? "" : "&cursor=" + Web.enc(cursor.strip());
            ApiResult result = api.get(session, "/api/v1/feedback?limit=" + PAGE_SIZE + (query.isEmpty() ? "" : "&" + query) + c);
            AgentResource.failUnlessSignedIn(result);
            if (result.ok()) {
                rows = Views.items(result.body(), f -> Row.of(f, m));
                String next = Views.str(result.body(), "nextCursor");
                nextCursor = next.isEmpty() ? null : next;
            } else {
                // The filters stay on the page so the user can fix what the API refused.
                ConsoleException e = ConsoleException.fromApi(result);
                error = m.getOrDefault(e.messageKey(), e.messageKey());
                errorDetail = e.detail();
            }
        } catch (ConsoleException e) {
            if (e.redirect() != null) {
                throw e;
            }
            error = m.getOrDefault(e.messageKey(), e.messageKey());
        }
        String self = "/console/explorer" + (pageQuery.isEmpty() ? "" : "?" + pageQuery);
        return pages.page("explorer", language, session, self)
                .data("f", values)
                .data("channels", ExplorerViews.options(CHANNELS, "channel_", values.get("channel"), m))
                .data("intents", ExplorerViews.options(INTENTS, "intent_", values.get("intent"), m))
                .data("topics", ExplorerViews.options(TOPICS, "topic_", values.get("topic"), m))
                .data("sentiments", ExplorerViews.options(SENTIMENTS, "sentiment_", values.get("sentiment"), m))
                .data("languages", ExplorerViews.options(LANGUAGES, "language_", values.get("language"), m))
                .data("priorities", ExplorerViews.options(PRIORITIES, "", values.get("priority"), m))
                .data("triages", ExplorerViews.options(TRIAGE, "triage_", values.get("triage"), m))
                .data("rows", rows)
                .data("filtered", !pageQuery.isEmpty())
                .data("paged", cursor != null && !cursor.isBlank())
                .data("firstPage", self)
                .data("nextPage", nextCursor == null ? null
                        : "/console/explorer?" + (pageQuery.isEmpty() ? "" : pageQuery + "&") + "cursor=" + Web.enc(nextCursor))
                .data("exportUrl", "/console/explorer/export.csv" + (pageQuery.isEmpty() ? "" : "?" + pageQuery))
                .data("back", Web.enc(self))
                .data("error", error)
                .data("errorDetail", errorDetail);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance item(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("back") String back,
            @QueryParam("done") String done, @QueryParam("lang") String lang) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireRole(session.isProduct());
        String feedbackId = safe(id);
        String language = Web.language(headers, lang);
        Map<String, String> m = pagesTexts(language);
        ApiResult found = api.get(session, "/api/v1/feedback/" + feedbackId);
        AgentResource.failUnlessOk(found);
        Detail d = Detail.of(found.body(), m);
        String backTo = backTo(back);
        return pages.page("explorer-item", language, session, "/console/explorer/" + feedbackId + "?back=" + Web.enc(backTo))
                .data("d", d)
                .data("backTo", backTo)
                .data("intents", ExplorerViews.options(INTENTS, "intent_", d.intentCode(), m))
                .data("topics", ExplorerViews.options(TOPICS, "topic_", d.topicCode(), m))
                .data("sentiments", ExplorerViews.options(SENTIMENTS, "sentiment_", d.sentimentCode(), m))
                .data("done", "corrected".equals(done) ? "explorer_corrected" : null);
    }

    @POST
    @Path("/{id}/correct")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf,
            @FormParam("intent") String intent, @FormParam("topic") String topic, @FormParam("sentiment") String sentiment,
            @FormParam("back") String back) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireCsrf(session, csrf);
        pages.requireRole(session.isProduct());
        String feedbackId = safe(id);
        Map<String, Object> correction = new LinkedHashMap<>();
        putCode(correction, "intent", intent);
        putCode(correction, "topic", topic);
        putCode(correction, "sentiment", sentiment);
        if (correction.isEmpty()) {
            throw new ConsoleException(400, "explorer_correct_empty", null);
        }
        AgentResource.failUnlessOk(api.patch(session, "/api/v1/feedback/" + feedbackId, correction));
        String backTo = backTo(back);
        // Post/redirect/get: a reload shows the corrected item and does not send the correction again.
        return Response.seeOther(URI.create("/console/explorer/" + feedbackId + "?done=corrected&back=" + Web.enc(backTo))).build();
    }

    /**
     * The current filter as a CSV file, streamed from feedback-service's export through
     * {@link FeedbackCsv} (byte order mark, formula-safe cells) without holding it in memory.
     */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response export(@Context HttpHeaders headers, @BeanParam Filter filter) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireRole(session.isProduct());
        String query = filter.apiQuery();
        ApiStream stream = api.stream(session, "/api/v1/feedback" + (query.isEmpty() ? "" : "?" + query), "text/csv");
        if (!stream.ok()) {
            AgentResource.failUnlessOk(stream.error());
        }
        StreamingOutput body = out -> FeedbackCsv.copySafely(stream.body(), out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"feedback-" + LocalDate.now() + ".csv\"")
                .build();
    }

    private Map<String, String> pagesTexts(String language) {
        return messages.of(language);
    }

    /** The list page to return to: only the explorer's own (a "back" parameter must not lead elsewhere). */
    private static String backTo(String back) {
        String path = Web.localPath(back, "/console/explorer");
        return path.equals("/console/explorer") || path.startsWith("/console/explorer?") ? path : "/console/explorer";
    }

    private static void putCode(Map<String, Object> body, String field, String value) {
        if (value != null && CODE.matcher(value.strip()).matches()) {
            body.put(field, value.strip());
        } else if (value != null && !value.isBlank()) {
            throw new ConsoleException(400, "error_400", null);
        }
    }

    private static String safe(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new ConsoleException(404, "error_404", null);
        }
        return id;
    }
}
