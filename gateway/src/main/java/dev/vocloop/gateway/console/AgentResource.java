package dev.vocloop.gateway.console;

import dev.vocloop.gateway.console.Views.Comment;
import dev.vocloop.gateway.console.Views.Feedback;
import dev.vocloop.gateway.console.Views.HistoryEntry;
import dev.vocloop.gateway.console.Views.TicketDetail;
import dev.vocloop.gateway.console.Views.TicketRow;
import io.quarkus.qute.TemplateInstance;
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
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The agents' pages: the team queue and the ticket page with its actions. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class AgentResource {

    /** Team keys and ticket ids go into API paths: nothing that could change the path. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final ConsolePages pages;
    private final ConsoleApi api;
    private final ConsoleConfig config;
    private final Messages messages;

    public AgentResource(ConsolePages pages, ConsoleApi api, ConsoleConfig config, Messages messages) {
        this.pages = pages;
        this.api = api;
        this.config = config;
        this.messages = messages;
    }

    @GET
    @Path("/queue")
    public TemplateInstance queue(@Context HttpHeaders headers, @QueryParam("team") String team, @QueryParam("lang") String lang,
            @QueryParam("status") String status, @QueryParam("priority") String priority, @QueryParam("sla") String sla,
            @QueryParam("assignee") String assignee) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireRole(session.isAgent());
        String chosen = chooseTeam(session, team);
        QueueFilter filter = QueueFilter.of(status, priority, sla, assignee);
        String path = "/console/queue" + (chosen == null ? "" : "?team=" + Web.enc(chosen) + filter.query());
        String language = Web.language(headers, lang);
        return pages.page("queue", language, session, path)
                .data("options", filter.options(messages.of(language)))
                .data("team", chosen == null ? "" : chosen)
                .data("teams", session.teams())
                .data("filter", filter)
                .data("rows", chosen == null ? List.of() : filter.apply(queueRows(session, chosen, filter), session.subject()))
                .data("refreshSeconds", config.queueRefreshSeconds());
    }

    /** The rows alone, for htmx's periodic refresh of an open queue. */
    @GET
    @Path("/queue/rows")
    public TemplateInstance queueRows(@Context HttpHeaders headers, @QueryParam("team") String team,
            @QueryParam("status") String status, @QueryParam("priority") String priority, @QueryParam("sla") String sla,
            @QueryParam("assignee") String assignee) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireRole(session.isAgent());
        String chosen = chooseTeam(session, team);
        QueueFilter filter = QueueFilter.of(status, priority, sla, assignee);
        return pages.page("queue-rows", Web.language(headers, null), session, "/console/queue")
                .data("filter", filter)
                .data("rows", chosen == null ? List.of() : filter.apply(queueRows(session, chosen, filter), session.subject()));
    }

    @GET
    @Path("/tickets/{id}")
    public TemplateInstance ticket(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("done") String done,
            @QueryParam("lang") String lang) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireRole(session.isAgent());
        String ticketId = safe(id);
        ApiResult ticket = api.get(session, "/api/v1/tickets/" + ticketId);
        failUnlessOk(ticket);
        TicketDetail detail = TicketDetail.of(ticket.body());
        ApiResult comments = api.get(session, "/api/v1/tickets/" + ticketId + "/comments");
        ApiResult history = api.get(session, "/api/v1/tickets/" + ticketId + "/history");
        Feedback feedback = null;
        if (!detail.feedbackIds().isEmpty() && SAFE_ID.matcher(detail.feedbackIds().get(0)).matches()) {
            // Agents' keys may not read feedback (the ticket carries the text); product and admin keys can.
            ApiResult f = api.get(session, "/api/v1/feedback/" + detail.feedbackIds().get(0));
            feedback = f.ok() ? Feedback.of(f.body()) : null;
        }
        return pages.page("ticket", Web.language(headers, lang), session, "/console/tickets/" + ticketId)
                .data("t", detail)
                .data("comments", comments.ok() ? Views.items(comments.body(), Comment::of) : List.of())
                .data("history", history.ok() ? Views.items(history.body(), HistoryEntry::of) : List.of())
                .data("feedback", feedback)
                .data("done", done == null || !done.matches("[a-z]{1,20}") ? null : "done_" + done);
    }

    @POST
    @Path("/tickets/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignToMe(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf) {
        ConsoleSession session = actor(headers, csrf);
        return act(session, id, "assign", Map.of("assignee", session.subject()), "assigned");
    }

    @POST
    @Path("/tickets/{id}/comment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf,
            @FormParam("body") String body, @FormParam("visibility") String visibility) {
        ConsoleSession session = actor(headers, csrf);
        if (body == null || body.isBlank()) {
            throw new ConsoleException(400, "error_comment_empty", null);
        }
        String v = "PUBLIC".equals(visibility) ? "PUBLIC" : "INTERNAL";
        return act(session, id, "comments", Map.of("body", body.strip(), "visibility", v), "commented");
    }

    @POST
    @Path("/tickets/{id}/waiting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response waitOnCustomer(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf) {
        ConsoleSession session = actor(headers, csrf);
        return act(session, id, "status", Map.of("status", "WAITING_ON_CUSTOMER"), "waiting");
    }

    @POST
    @Path("/tickets/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf,
            @FormParam("resolution") String resolution) {
        ConsoleSession session = actor(headers, csrf);
        if (resolution == null || resolution.isBlank()) {
            throw new ConsoleException(400, "error_resolution_empty", null);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("resolution", resolution.strip());
        return act(session, id, "resolve", body, "resolved");
    }

    private ConsoleSession actor(HttpHeaders headers, String csrf) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireCsrf(session, csrf);
        pages.requireRole(session.isAgent());
        return session;
    }

    private Response act(ConsoleSession session, String id, String action, Map<String, ?> body, String done) {
        String ticketId = safe(id);
        failUnlessOk(api.post(session, "/api/v1/tickets/" + ticketId + "/" + action, body));
        // Post/redirect/get: a reload of the ticket page must not repeat the action.
        return Response.seeOther(URI.create("/console/tickets/" + ticketId + "?done=" + done)).build();
    }

    private List<TicketRow> queueRows(ConsoleSession session, String team, QueueFilter filter) {
        ApiResult queue = api.get(session, "/api/v1/teams/" + Web.enc(team) + "/queue"
                + (filter.active() ? "?limit=" + QueueFilter.MAX_QUEUE : ""));
        failUnlessOk(queue);
        return Views.items(queue.body(), TicketRow::of);
    }

    private static String chooseTeam(ConsoleSession session, String team) {
        if (team != null && !team.isBlank()) {
            return safe(team.strip());
        }
        return session.teams().isEmpty() ? null : session.teams().get(0);
    }

    private static String safe(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new ConsoleException(404, "error_404", null);
        }
        return id;
    }

    /** Only a refused key ends the page; other failures leave the caller to show an empty state. */
    static void failUnlessSignedIn(ApiResult result) {
        if (result.status() == 401) {
            throw ConsoleException.signIn("expired");
        }
    }

    static void failUnlessOk(ApiResult result) {
        if (result.status() == 401) {
            // The key was revoked while signed in: the session is worth nothing any more.
            throw ConsoleException.signIn("expired");
        }
        if (!result.ok()) {
            throw ConsoleException.fromApi(result);
        }
    }
}
