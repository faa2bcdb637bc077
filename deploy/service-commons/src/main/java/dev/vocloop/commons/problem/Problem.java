package dev.vocloop.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: the one error body every VoC Loop service answers with.
 *
 * @param type a URI naming the kind of problem (relative, under {@code /problems/})
 * @param title a short, stable summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request, in words a client developer can act on
 * @param errors the invalid fields, for validation problems
 * @param requestId the request id, to find the request in the logs
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String requestId) {

    /** Media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
