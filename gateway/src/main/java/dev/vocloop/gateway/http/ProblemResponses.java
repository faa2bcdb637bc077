package dev.vocloop.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocloop.commons.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Answers with {@code application/problem+json} from Vert.x routes, the same body that
 * {@code ProblemMappers} gives in REST resources.
 */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Ends the exchange with a problem document, unless a response was already started. */
    public void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Problem problem = new Problem("/problems/" + slug, title, status, detail, List.of(), EdgeHandler.requestId(ctx));
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always serializable", e);
        }
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            boolean noBody = !request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                    && (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null || "0".equals(request.getHeader(HttpHeaders.CONTENT_LENGTH)));
            if (noBody) {
                // Only the end of the request is pending: let it in, so the connection can be kept.
                request.resume();
            } else {
                // The unread body is not wanted: closing the connection is cheaper than reading it.
                response.putHeader(HttpHeaders.CONNECTION, "close");
            }
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
