package dev.vocloop.survey.response;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A customer's answer by invitation token, and the form it answers (public; the token is the credential). */
@Path("/api/v1/survey-responses")
// Any caller the gateway vouches for, a customer without a key included: the link token is the credential.
@Authenticated
public class ResponseResource {

    private final ResponseService responses;

    public ResponseResource(ResponseService responses) {
        this.responses = responses;
    }

    @GET
    @Path("/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public SurveyForm form(@PathParam("token") String token) {
        return responses.form(token);
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
