package dev.vocloop.gateway.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The customers' unsubscribe page for the link in survey and follow-up e-mails. Opening the link
 * changes nothing (mail scanners and link previews open links too); the customer confirms with a
 * button, which calls survey-service's {@code POST /api/v1/unsubscribe/{token}}. As on the other
 * customer pages the token is the only credential, so there is no session and no CSRF token: a
 * forged post would need the token, which is the secret itself.
 */
@Path("/unsubscribe")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePageResource {

    /** survey-service's unsubscribe tokens (Tokens.plausible): anything else is unknown without asking. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    /**
     * An opt-out older than this before our request was made by an earlier visit: the link was used
     * already. The margin covers clock differences between the gateway and survey-service.
     */
    private static final Duration EARLIER_VISIT = Duration.ofMinutes(1);

    private final ConsolePages pages;
    private final ConsoleApi api;

    public UnsubscribePageResource(ConsolePages pages, ConsoleApi api) {
        this.pages = pages;
        this.api = api;
    }

    @GET
    @Path("/{token}")
    public TemplateInstance confirm(@Context HttpHeaders headers, @PathParam("token") String token, @QueryParam("lang") String lang) {
        String t = token(token);
        return pages.page("unsubscribe", Web.language(headers, lang), null, "/unsubscribe/" + t).data("token", t);
    }

    @POST
    @Path("/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance unsubscribe(@Context HttpHeaders headers, @PathParam("token") String token) {
        String t = token(token);
        String language = Web.language(headers, null);
        Instant asked = Instant.now();
        ApiResult result = api.post(null, "/api/v1/unsubscribe/" + t, Map.of());
        if (!result.ok()) {
            throw switch (result.status()) {
                case 404, 400 -> new ConsoleException(404, "link_unknown", null);
                case 429 -> new ConsoleException(429, "error_429", null);
                default -> new ConsoleException(503, "error_unavailable", null);
            };
        }
        Instant optedOutAt = instant(Views.str(result.body(), "optedOutAt"));
        boolean earlier = optedOutAt != null && optedOutAt.isBefore(asked.minus(EARLIER_VISIT));
        return pages.page("unsubscribed", language, null, "/unsubscribe/" + t)
                .data("already", earlier)
                .data("since", earlier ? optedOutAt.toString().substring(0, 10) : "");
    }

    private static String token(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new ConsoleException(404, "link_unknown", null);
        }
        return token;
    }

    private static Instant instant(String value) {
        try {
            return value.isEmpty() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
