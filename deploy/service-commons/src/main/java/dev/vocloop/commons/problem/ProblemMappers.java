package dev.vocloop.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.vocloop.commons.http.RequestIds;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every error of a service becomes {@code application/problem+json}. Bodies
 * never carry class names, stack traces or SQL; unexpected errors are logged with the request id
 * and answered with a generic 500.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "invalid-request", "Invalid request", detail, errors);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return respond(400, "invalid-request", "Invalid request", "the request is not valid", List.of());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return jsonProblem(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "request %s failed", RequestIds.current());
            return respond(status, "server-error", "Server error", "the server could not complete the request", List.of());
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(status, slug(title), title, safeDetail(e, status), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // Malformed input that a library reports with its own exception type still is the client's fault.
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof JsonProcessingException json) {
                return jsonProblem(json);
            }
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                return respond(400, "invalid-request", "Invalid request", "the body is not valid UTF-8", List.of());
            }
            cause = cause.getCause();
        }
        Log.errorf(e, "request %s failed", RequestIds.current());
        return respond(500, "server-error", "Server error", "the server could not complete the request", List.of());
    }

    /** Builds a problem response; public so that filters outside JAX-RS mapping answer the same way. */
    public static Response respond(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        Problem body = new Problem("/problems/" + slug, title, status, detail, errors, RequestIds.current());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static Response jsonProblem(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String reason = e.getOriginalMessage() == null ? "malformed JSON" : firstLine(e.getOriginalMessage());
        if (field != null) {
            return respond(400, "invalid-request", "Invalid request", field + ": " + reason,
                    List.of(new Problem.FieldError(field, reason)));
        }
        return respond(400, "malformed-json", "Malformed JSON", reason, List.of());
    }

    private static String safeDetail(WebApplicationException e, int status) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 413 -> "the request body is too large";
            case 415 -> "unsupported media type";
            default -> e.getMessage() == null ? "the request was refused" : firstLine(e.getMessage());
        };
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // Paths look like "create.request.text": drop the method and parameter names.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
