package dev.vocloop.gateway.console;

import static dev.vocloop.gateway.console.AdminResource.admin;
import static dev.vocloop.gateway.console.AdminResource.done;
import static dev.vocloop.gateway.console.AdminResource.safe;
import static dev.vocloop.gateway.console.AdminResource.seeOther;
import static dev.vocloop.gateway.console.AdminResource.text;
import static dev.vocloop.gateway.console.AgentResource.failUnlessOk;

import dev.vocloop.gateway.console.AdminViews.Invitation;
import dev.vocloop.gateway.console.AdminViews.Survey;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The admins' survey pages: the list, a new survey with its question in Chinese and English, a
 * survey's page with its status and invitations, and inviting customers from an uploaded CSV with a
 * progress bar that htmx refreshes while {@link InvitationImports} sends the list.
 */
@Path("/console/admin/surveys")
@Produces(MediaType.TEXT_HTML)
public class AdminSurveyResource {

    static final List<String> TYPES = List.of("NPS", "CSAT", "CES");
    static final List<String> STATUSES = List.of("DRAFT", "ACTIVE", "CLOSED");
    static final List<String> CHANNELS = List.of("EMAIL", "LINK", "IN_APP");

    private final ConsolePages pages;
    private final ConsoleApi api;
    private final InvitationImports imports;

    public AdminSurveyResource(ConsolePages pages, ConsoleApi api, InvitationImports imports) {
        this.pages = pages;
        this.api = api;
        this.imports = imports;
    }

    @GET
    public TemplateInstance surveys(@Context HttpHeaders headers, @QueryParam("done") String done, @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        ApiResult surveys = api.get(session, "/api/v1/surveys");
        failUnlessOk(surveys);
        return pages.page("admin-surveys", Web.language(headers, lang), session, "/console/admin/surveys")
                .data("surveys", Views.items(surveys.body(), Survey::of))
                .data("types", AdminViews.Option.of("survey_type_", TYPES))
                .data("done", done(done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@Context HttpHeaders headers, @FormParam("_csrf") String csrf, @FormParam("type") String type,
            @FormParam("name") String name, @FormParam("questionZh") String questionZh, @FormParam("questionEn") String questionEn,
            @FormParam("followUpZh") String followUpZh, @FormParam("followUpEn") String followUpEn,
            @FormParam("status") String status) {
        ConsoleSession session = admin(pages, headers, csrf);
        ApiResult created = api.post(session, "/api/v1/surveys",
                body(type, name, questionZh, questionEn, followUpZh, followUpEn, "DRAFT".equals(status) ? "DRAFT" : "ACTIVE"));
        failUnlessOk(created);
        String id = Views.str(created.body(), "id");
        return seeOther(AdminResource.SAFE_ID.matcher(id).matches() ? "/console/admin/surveys/" + id + "?done=survey_created"
                : "/console/admin/surveys?done=survey_created");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance survey(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("done") String done, @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        String surveyId = safe(id);
        ApiResult survey = api.get(session, "/api/v1/surveys/" + surveyId);
        failUnlessOk(survey);
        String query = cursor == null || cursor.isBlank() ? "" : "?cursor=" + Web.enc(cursor);
        ApiResult invitations = api.get(session, "/api/v1/surveys/" + surveyId + "/invitations" + query);
        AgentResource.failUnlessSignedIn(invitations);
        String next = invitations.ok() ? Views.str(invitations.body(), "nextCursor") : "";
        return pages.page("admin-survey", Web.language(headers, lang), session, "/console/admin/surveys/" + surveyId)
                .data("survey", Survey.of(survey.body()))
                .data("invitations", invitations.ok() ? Views.items(invitations.body(), Invitation::of) : List.of())
                .data("invitationsFailed", !invitations.ok())
                .data("next", next.isEmpty() ? null : Web.enc(next))
                .data("statuses", AdminViews.Option.of("survey_set_", STATUSES))
                .data("channels", AdminViews.Option.of("channel_", CHANNELS))
                .data("done", done(done));
    }

    /** Activates, closes or drafts a survey: the API replaces the whole survey, so its wording goes along unchanged. */
    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf,
            @FormParam("status") String status) {
        ConsoleSession session = admin(pages, headers, csrf);
        String surveyId = safe(id);
        if (status == null || !STATUSES.contains(status)) {
            throw new ConsoleException(400, "error_400", null);
        }
        ApiResult current = api.get(session, "/api/v1/surveys/" + surveyId);
        failUnlessOk(current);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Views.str(current.body(), "type"));
        body.put("name", Views.str(current.body(), "name"));
        body.put("questions", current.body().path("questions"));
        if (current.body().path("followUpQuestions").isObject() && !current.body().path("followUpQuestions").isEmpty()) {
            body.put("followUpQuestions", current.body().path("followUpQuestions"));
        }
        body.put("status", status);
        failUnlessOk(api.put(session, "/api/v1/surveys/" + surveyId, body));
        return seeOther("/console/admin/surveys/" + surveyId + "?done=survey_status");
    }

    /**
     * The CSV upload: checked here (so a wrong file is an immediate error page), then sent in the
     * background; the browser goes to the progress page.
     */
    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response invite(@Context HttpHeaders headers, @PathParam("id") String id, @RestForm("_csrf") String csrf,
            @RestForm("channel") String channel, @RestForm("file") FileUpload file) {
        ConsoleSession session = admin(pages, headers, csrf);
        String surveyId = safe(id);
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new ConsoleException(400, "error_400", null);
        }
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            throw new ConsoleException(400, "error_csv_empty", null);
        }
        java.nio.file.Path own;
        try {
            // The upload's temporary file goes away with the request; the job outlives it.
            own = Files.createTempFile("vocloop-invitations-", ".csv");
            Files.copy(file.uploadedFile(), own, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InvitationImports.Job job = imports.start(session, surveyId, channel, own);
        return seeOther("/console/admin/surveys/" + surveyId + "/imports/" + job.id());
    }

    @GET
    @Path("/{id}/imports/{job}")
    public TemplateInstance importPage(@Context HttpHeaders headers, @PathParam("id") String id, @PathParam("job") String jobId,
            @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        InvitationImports.Job job = job(session, id, jobId);
        return pages.page("admin-import", Web.language(headers, lang), session,
                "/console/admin/surveys/" + job.surveyId() + "/imports/" + job.id())
                .data("job", job);
    }

    /** The progress alone, for htmx: it polls this while the job runs and stops once it is finished. */
    @GET
    @Path("/{id}/imports/{job}/progress")
    public TemplateInstance progress(@Context HttpHeaders headers, @PathParam("id") String id, @PathParam("job") String jobId) {
        ConsoleSession session = admin(pages, headers);
        return pages.page("admin-import-progress", Web.language(headers, null), session, "/console/admin/surveys")
                .data("job", job(session, id, jobId));
    }

    private InvitationImports.Job job(ConsoleSession session, String surveyId, String jobId) {
        return imports.find(session, jobId).filter(j -> j.surveyId().equals(surveyId))
                .orElseThrow(() -> new ConsoleException(404, "error_404", null));
    }

    private static Map<String, Object> body(String type, String name, String questionZh, String questionEn, String followUpZh,
            String followUpEn, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", text(type));
        body.put("name", text(name));
        body.put("questions", localized(questionZh, questionEn));
        Map<String, String> followUp = localized(followUpZh, followUpEn);
        if (!followUp.isEmpty()) {
            body.put("followUpQuestions", followUp);
        }
        body.put("status", status);
        return body;
    }

    /** Only the languages given: the API says which of zh-CN and en is missing. */
    private static Map<String, String> localized(String zh, String en) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (text(zh) != null) {
            texts.put(Messages.ZH, text(zh));
        }
        if (text(en) != null) {
            texts.put(Messages.EN, text(en));
        }
        return texts;
    }
}
