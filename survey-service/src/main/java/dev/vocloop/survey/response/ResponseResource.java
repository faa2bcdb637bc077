package dev.vocloop.survey.response;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/v1/survey-responses}: a customer's answer by invitation token (public; the token is the credential). */
@Path("/api/v1/survey-responses")
public class ResponseResource {

    private final ResponseService responses;

    public ResponseResource(ResponseService responses) {
        this.responses = responses;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response answer(@NotNull @Valid ResponseRequest request) {
        SurveyResponse r = responses.answer(request);
        return Response.status(201)
                .entity(new ResponseView(r.id, r.surveyId, r.surveyType.name(), r.score, r.forwarded, r.createdAt)).build();
    }
}
