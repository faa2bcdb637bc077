package dev.vocloop.survey.survey;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.survey.analytics.AnalyticsService;
import dev.vocloop.survey.analytics.Report;
import dev.vocloop.survey.analytics.ScoreStatistics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Survey definitions (admin / product) and each survey's NPS / CSAT / CES report. */
@Path("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SurveyResource {

    private final SurveyService surveys;
    private final AnalyticsService analytics;

    public SurveyResource(SurveyService surveys, AnalyticsService analytics) {
        this.surveys = surveys;
        this.analytics = analytics;
    }

    /** A list of surveys. */
    public record SurveyList(List<SurveyView> items, String nextCursor) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid SurveyRequest request) {
        Survey survey = surveys.create(request);
        return Response.created(URI.create("/api/v1/surveys/" + survey.id)).entity(SurveyView.of(survey)).build();
    }

    @GET
    public SurveyList list(@QueryParam("status") String status, @QueryParam("type") String type) {
        return new SurveyList(surveys.list(parse(Survey.Status.class, "status", status), parse(SurveyType.class, "type", type))
                .stream().map(SurveyView::of).toList(), null);
    }

    @GET
    @Path("/{id}")
    public SurveyView get(@PathParam("id") String id) {
        return SurveyView.of(surveys.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SurveyView update(@PathParam("id") String id, @NotNull @Valid SurveyRequest request) {
        return SurveyView.of(surveys.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        surveys.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/nps")
    @RolesAllowed({Roles.ADMIN, Roles.PRODUCT})
    public Report<ScoreStatistics.Nps> nps(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("interval") String interval, @QueryParam("segment") String segment) {
        return analytics.nps(id, analytics.window(from, to, interval, segment));
    }

    @GET
    @Path("/{id}/csat")
    public Report<ScoreStatistics.Csat> csat(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
                                             @QueryParam("interval") String interval, @QueryParam("segment") String segment) {
        return analytics.csat(id, analytics.window(from, to, interval, segment));
    }

    @GET
    @Path("/{id}/ces")
    public Report<ScoreStatistics.Ces> ces(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("interval") String interval, @QueryParam("segment") String segment) {
        return analytics.ces(id, analytics.window(from, to, interval, segment));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "unknown value " + value);
        }
    }
}
