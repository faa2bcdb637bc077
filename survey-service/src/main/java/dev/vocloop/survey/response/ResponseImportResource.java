package dev.vocloop.survey.response;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.survey.idempotency.IdempotencyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code POST /api/v1/admin/surveys/{id}/responses/import}: historical answers with the time they
 * were given (a JSON array, at most 10,000). Under {@code /api/v1/admin/surveys}, which the gateway
 * opens to ADMIN keys only. 201 {@code {"surveyId","imported"}}; all or nothing; a repeated
 * {@code Idempotency-Key} answers the first result again.
 */
@Path("/api/v1/admin/surveys/{id}/responses/import")
@RolesAllowed(Roles.ADMIN)
public class ResponseImportResource {

    private final ResponseImportService imports;

    public ResponseImportResource(ResponseImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importAnswers(@PathParam("id") String surveyId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @NotEmpty List<@NotNull @Valid ImportedResponse> answers) {
        if (idempotencyKey != null && idempotencyKey.length() > 200) {
            throw ProblemException.invalidField("Idempotency-Key", "at most 200 characters");
        }
        IdempotencyService.StoredAnswer answer = imports.importAll(surveyId, idempotencyKey, answers);
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
