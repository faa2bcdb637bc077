package dev.vocloop.feedback.items;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import dev.vocloop.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public feedback API: submit one item, read one, list with filters. */
@Path("/api/v1/feedback")
@Tag(name = "Feedback")
public class FeedbackResource {

    /** A page of items. */
    public record FeedbackPage(List<FeedbackView> items, String nextCursor) {
    }

    private final FeedbackService service;
    private final Caller caller;

    public FeedbackResource(FeedbackService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.CUSTOMER_APP})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one feedback item", description = "Idempotent on (channel, externalId): a repeat answers 200 with the stored item.")
    @APIResponse(responseCode = "201", description = "Stored and classified")
    @APIResponse(responseCode = "200", description = "The same (channel, externalId) was already stored")
    @APIResponse(responseCode = "400", description = "Invalid item")
    @APIResponse(responseCode = "403", description = "A customer app names another customer than the one its identity signature proves, or names one without a signature while its key requires it")
    @APIResponse(responseCode = "413", description = "Body over 64 KB")
    @APIResponse(responseCode = "415", description = "Not JSON")
    public Response submitFeedback(@Valid @NotNull FeedbackRequest request) {
        return answer(service.submit(forCaller(request)), caller.maySeeOriginal());
    }

    /**
     * A customer app's item is filed under the customer it proved (the gateway checked the identity
     * signature and put the customer in the token): another customer is refused, none is filled in.
     * Without a proved customer, a key that requires one may still send anonymous feedback.
     */
    private FeedbackRequest forCaller(FeedbackRequest request) {
        caller.requireActsFor(request.customer() == null ? null : request.customer().id());
        if (request.customer() != null || !caller.hasRole(Roles.CUSTOMER_APP)) {
            return request;
        }
        return caller.verifiedCustomer()
                .map(id -> request.withCustomer(new Customer(id, null, null, null, null, null, null)))
                .orElse(request);
    }

    static Response answer(FeedbackService.Submission s, boolean original) {
        FeedbackView view = FeedbackView.of(s.feedback(), original);
        return Response.status(s.created() ? 201 : 200).entity(view).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PRODUCT})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One feedback item; the unmasked text only for AGENT and ADMIN roles")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public FeedbackView getFeedback(@PathParam("id") String id) {
        return FeedbackView.of(service.get(id), caller.maySeeOriginal());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PRODUCT})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct intent / topic / sentiment; the correction becomes a labelled example for the next training")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public FeedbackView correctFeedback(@PathParam("id") String id, @Valid @NotNull CorrectionRequest correction) {
        return FeedbackView.of(service.correct(id, correction), caller.maySeeOriginal());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PRODUCT})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Filtered, cursor-paged list (always masked, whatever the role); with Accept: text/csv a streamed CSV export of all matches (up to 100,000 rows)")
    @APIResponse(responseCode = "200", description = "A page of items, or the CSV export",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = FeedbackPage.class)))
    public Response listFeedback(@HeaderParam("Accept") String accept, @QueryParam("channel") String channel, @QueryParam("intent") String intent,
                             @QueryParam("topic") String topic, @QueryParam("sentiment") String sentiment,
                             @Parameter(description = "P1-P4") @QueryParam("priority") String priority,
                             @QueryParam("loopStatus") String loopStatus, @QueryParam("language") String language,
                             @QueryParam("product") String product, @QueryParam("customerId") String customerId,
                             @QueryParam("ticketId") String ticketId, @QueryParam("needsTriage") Boolean needsTriage,
                             @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
                             @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to,
                             @Parameter(description = "Case-insensitive substring of the masked text; works for Chinese") @QueryParam("q") String q,
                             @Parameter(description = "time (default) or priority") @QueryParam("sort") @DefaultValue("time") String sort,
                             @QueryParam("cursor") String cursor,
                             @Parameter(description = "1-200") @QueryParam("limit") @DefaultValue("50") int limit) {
        FeedbackQuery query = query(channel, intent, topic, sentiment, priority, loopStatus, language,
                product, customerId, ticketId, needsTriage, from, to, q, sort, cursor, limit);
        // JSON unless the client asks for CSV by name (clients sending */* get JSON).
        if (accept != null && accept.contains("text/csv")) {
            return export(query);
        }
        FeedbackService.Page page = service.list(query);
        // The list is for product teams: never the original text, whatever the role.
        return Response.ok(new FeedbackPage(page.items().stream().map(f -> FeedbackView.of(f, false)).toList(), page.nextCursor()),
                MediaType.APPLICATION_JSON).build();
    }

    private Response export(FeedbackQuery query) {
        jakarta.ws.rs.core.StreamingOutput body = out -> {
            var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
            com.fasterxml.jackson.dataformat.csv.CsvMapper csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
            var schema = com.fasterxml.jackson.dataformat.csv.CsvSchema.builder()
                    .addColumns(CSV_COLUMNS, com.fasterxml.jackson.dataformat.csv.CsvSchema.ColumnType.STRING).build().withHeader();
            try (var seq = csv.writer(schema).writeValues(writer)) {
                java.io.IOException[] failure = {null};
                service.forEachMatching(query, 100_000, f -> {
                    try {
                        seq.write(csvRow(f));
                    } catch (java.io.IOException e) {
                        failure[0] = e;
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"feedback.csv\"").build();
    }

    private static final List<String> CSV_COLUMNS = List.of("id", "receivedAt", "channel", "language", "intent",
            "intentConfidence", "topic", "sentiment", "sentimentScore", "priorityScore", "priorityLevel", "loopStatus",
            "ticketId", "product", "customerId", "rating", "needsTriage", "text");

    private static List<String> csvRow(Feedback f) {
        var c = f.classification();
        return java.util.Arrays.asList(f.id(), String.valueOf(f.receivedAt()), f.channel().name(), c.language(),
                c.intent().name(), String.valueOf(c.intentConfidence()), c.topic(), c.sentiment().name(),
                String.valueOf(c.sentimentScore()), String.valueOf(f.priority().score()), f.priority().level(),
                f.loopStatus().name(), f.ticketId(), f.product(), f.customer() == null ? null : f.customer().id(),
                f.rating() == null ? null : f.rating().toString(), String.valueOf(c.needsTriage()), csvSafe(f.textMasked()));
    }

    /** A cell that starts with = + - @ would run as a formula in a spreadsheet: prefix it. */
    private static String csvSafe(String s) {
        return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    @GET
    @Path("/stats")
    @RolesAllowed({Roles.ADMIN, Roles.PRODUCT})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Counts by a dimension (channel, intent, topic, sentiment, priority, language, loopStatus, product) per day, week or month")
    public FeedbackStats feedbackStats(@QueryParam("dimension") @DefaultValue("intent") String dimension,
                               @QueryParam("interval") @DefaultValue("day") String interval,
                               @Parameter(description = "ISO-8601, default 30 days before to") @QueryParam("from") String from,
                               @Parameter(description = "ISO-8601, default now") @QueryParam("to") String to) {
        return service.stats(dimension, interval, instant("from", from), instant("to", to));
    }

    static FeedbackQuery query(String channel, String intent, String topic, String sentiment, String priority,
                               String loopStatus, String language, String product, String customerId, String ticketId,
                               Boolean needsTriage, String from, String to, String q, String sort, String cursor, int limit) {
        oneOf("channel", channel, Channel.values());
        oneOf("intent", intent, Intent.values());
        oneOf("sentiment", sentiment, Sentiment.values());
        oneOf("loopStatus", loopStatus, LoopStatus.values());
        if (priority != null && !priority.matches("P[1-4]")) {
            throw ProblemException.invalidField("priority", "must be one of P1, P2, P3, P4");
        }
        if (!sort.equals("time") && !sort.equals("priority")) {
            throw ProblemException.invalidField("sort", "must be time or priority");
        }
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalidField("limit", "must be between 1 and 200");
        }
        return new FeedbackQuery(channel, intent, topic, sentiment, priority, loopStatus, language, product, customerId,
                ticketId, needsTriage, instant("from", from), instant("to", to), q, sort, cursor, limit);
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static void oneOf(String field, String value, Enum<?>[] values) {
        if (value != null && !value.isBlank() && Arrays.stream(values).noneMatch(v -> v.name().equals(value.strip()))) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(values));
        }
    }
}
