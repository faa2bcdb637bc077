package dev.vocloop.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The answer of one API call made by a page: the status and the JSON body ({@code MissingNode}
 * when there was none or it was not JSON). Status 0 means the API could not be reached.
 */
public record ApiResult(int status, JsonNode body, String retryAfter) {

    public static ApiResult unreachable() {
        return new ApiResult(0, MissingNode.getInstance(), null);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The problem+json {@code detail}, if the API sent one. */
    public String detail() {
        JsonNode d = body.path("detail");
        return d.isTextual() ? d.asText() : null;
    }
}
