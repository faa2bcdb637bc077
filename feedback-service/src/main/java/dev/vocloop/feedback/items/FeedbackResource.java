package dev.vocloop.feedback.items;

import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

    public FeedbackResource(FeedbackService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one feedback item", description = "Idempotent on (channel, externalId): a repeat answers 200 with the stored item.")
    @APIResponse(responseCode = "201", description = "Stored and classified")
    @APIResponse(responseCode = "200", description = "The same (channel, externalId) was already stored")
    @APIResponse(responseCode = "400", description = "Invalid item")
    @APIResponse(responseCode = "413", description = "Body over 64 KB")
    @APIResponse(responseCode = "415", description = "Not JSON")
    public Response submit(@Valid @NotNull FeedbackRequest request, @HeaderParam(Roles.ROLE_HEADER) String role) {
        return answer(service.submit(request), role);
    }

    static Response answer(FeedbackService.Submission s, String role) {
        FeedbackView view = FeedbackView.of(s.feedback(), Roles.maySeeOriginal(role));
        return Response.status(s.created() ? 201 : 200).entity(view).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One feedback item; the unmasked text only for AGENT and ADMIN roles")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public FeedbackView get(@PathParam("id") String id, @HeaderParam(Roles.ROLE_HEADER) String role) {
        return FeedbackView.of(service.get(id), Roles.maySeeOriginal(role));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Filtered, cursor-paged list (always masked, whatever the role)")
    public FeedbackPage list(@QueryParam("channel") String channel, @QueryParam("intent") String intent,
                             @QueryParam("topic") String topic, @QueryParam("sentiment") String sentiment,
                             @Parameter(description = "P1-P4") @QueryParam("priority") String priority,
                             @QueryParam("loopStatus") String loopStatus, @QueryParam("language") String language,
                             @QueryParam("product") String product, @QueryParam("customerId") String customerId,
                             @QueryParam("ticketId") String ticketId, @QueryParam("needsTriage") Boolean needsTriage,
                             @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
                             @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to,
                             @Parameter(description = "Keyword in the (masked) text; works for Chinese") @QueryParam("q") String q,
                             @Parameter(description = "time (default) or priority") @QueryParam("sort") @DefaultValue("time") String sort,
                             @QueryParam("cursor") String cursor,
                             @Parameter(description = "1-200") @QueryParam("limit") @DefaultValue("50") int limit) {
        FeedbackService.Page page = service.list(query(channel, intent, topic, sentiment, priority, loopStatus, language,
                product, customerId, ticketId, needsTriage, from, to, q, sort, cursor, limit));
        // The list is for product teams: never the original text, whatever the role.
        return new FeedbackPage(page.items().stream().map(f -> FeedbackView.of(f, false)).toList(), page.nextCursor());
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
