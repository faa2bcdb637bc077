package dev.vocloop.survey.analytics;

import dev.vocloop.commons.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Analytics across all surveys of a type, and detractor recovery. The per-survey reports are
 * served by {@code SurveyResource} under {@code /api/v1/surveys/{id}/nps|csat|ces}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AnalyticsResource {

    private final AnalyticsService analytics;

    public AnalyticsResource(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GET
    @Path("/nps")
    @RolesAllowed({Roles.ADMIN, Roles.PRODUCT})
    public Report<ScoreStatistics.Nps> nps(@QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("interval") String interval, @QueryParam("segment") String segment) {
        return analytics.nps(null, analytics.window(from, to, interval, segment));
    }

    @GET
    @Path("/csat")
    public Report<ScoreStatistics.Csat> csat(@QueryParam("from") String from, @QueryParam("to") String to,
                                             @QueryParam("interval") String interval, @QueryParam("segment") String segment) {
        return analytics.csat(null, analytics.window(from, to, interval, segment));
    }

    @GET
    @Path("/ces")
    public Report<ScoreStatistics.Ces> ces(@QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("interval") String interval, @QueryParam("segment") String segment) {
        return analytics.ces(null, analytics.window(from, to, interval, segment));
    }

    @GET
    @Path("/nps/recovery")
    @RolesAllowed({Roles.ADMIN, Roles.PRODUCT})
    public AnalyticsService.Recovery recovery(@QueryParam("from") String from, @QueryParam("to") String to) {
        return analytics.recovery(analytics.window(from, to, null, null));
    }
}
