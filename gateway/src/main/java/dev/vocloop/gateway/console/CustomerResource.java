package dev.vocloop.gateway.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The customers' public pages, opened from an e-mail or in-app link: the follow-up ("was it
 * solved?") and the survey. The token in the link is the only credential; there is no session
 * and so no CSRF token: a forged post would need the token, which is the secret itself.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CustomerResource {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final ConsolePages pages;
    private final ConsoleApi api;

    public CustomerResource(ConsolePages pages, ConsoleApi api) {
        this.pages = pages;
        this.api = api;
    }

    @GET
    @Path("/follow-up/{token}")
    public TemplateInstance followUp(@Context HttpHeaders headers, @PathParam("token") String token,
            @QueryParam("solved") String solved, @QueryParam("lang") String lang) {
        String t = token(token);
        String language = Web.language(headers, lang);
        ApiResult found = api.getPublic("/api/v1/follow-ups/" + t);
        if (!found.ok()) {
            throw linkError(found.status());
        }
        String status = Views.str(found.body(), "status");
        if ("EXPIRED".equals(status)) {
            throw linkError(410);
        }
        if ("ANSWERED".equals(status) || found.body().path("solved").isBoolean()) {
            throw linkError(409);
        }
        return pages.page("follow-up", language, null, "/follow-up/" + t)
                .data("token", t)
                .data("resolution", Views.str(found.body(), "resolution"))
                .data("solved", "yes".equals(solved) ? "yes" : "no".equals(solved) ? "no" : "");
    }

    @POST
    @Path("/follow-up/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance answerFollowUp(@Context HttpHeaders headers, @PathParam("token") String token,
            @FormParam("solved") String solved, @FormParam("rating") String rating, @FormParam("comment") String comment) {
        String t = token(token);
        String language = Web.language(headers, null);
        if (!"yes".equals(solved) && !"no".equals(solved)) {
            throw new ConsoleException(400, "error_choose_solved", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("solved", "yes".equals(solved));
        Integer r = number(rating, 1, 5);
        if (r != null) {
            body.put("rating", r);
        }
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment.strip());
        }
        ApiResult answered = api.post(null, "/api/v1/follow-ups/" + t + "/answer", body);
        if (!answered.ok()) {
            throw linkError(answered.status());
        }
        return pages.page("thanks", language, null, "/follow-up/" + t).data("messageKey", "yes".equals(solved) ? "thanks_solved"
                : "thanks_not_solved");
    }

    @GET
    @Path("/survey/{token}")
    public TemplateInstance survey(@Context HttpHeaders headers, @PathParam("token") String token,
            @QueryParam("scale") String scale, @QueryParam("lang") String lang) {
        String t = token(token);
        Scale s = Scale.of(scale);
        return pages.page("survey", Web.language(headers, lang), null, "/survey/" + t)
                .data("token", t)
                .data("scale", s.name().toLowerCase())
                .data("question", "survey_question_" + s.name().toLowerCase())
                .data("low", "survey_low_" + s.name().toLowerCase())
                .data("high", "survey_high_" + s.name().toLowerCase())
                .data("scores", IntStream.rangeClosed(s.min, s.max).boxed().toList());
    }

    @POST
    @Path("/survey/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance answerSurvey(@Context HttpHeaders headers, @PathParam("token") String token,
            @FormParam("score") String score, @FormParam("scale") String scale, @FormParam("comment") String comment) {
        String t = token(token);
        String language = Web.language(headers, null);
        Scale s = Scale.of(scale);
        Integer value = number(score, s.min, s.max);
        if (value == null) {
            throw new ConsoleException(400, "error_choose_score", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", t);
        body.put("score", value);
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment.strip());
        }
        ApiResult answered = api.post(null, "/api/v1/survey-responses", body);
        if (!answered.ok()) {
            throw linkError(answered.status());
        }
        return pages.page("thanks", language, null, "/survey/" + t).data("messageKey", "thanks_survey");
    }

    /** A clear page for a link that is unknown, used or expired, or when the service is down. */
    private static ConsoleException linkError(int status) {
        String key = switch (status) {
            case 404 -> "link_unknown";
            case 409 -> "link_used";
            case 410 -> "link_expired";
            case 400, 422 -> "error_400";
            case 429 -> "error_429";
            default -> "error_unavailable";
        };
        int shown = switch (status) {
            case 404, 409, 410, 429 -> status;
            case 400, 422 -> 400;
            default -> 503;
        };
        return new ConsoleException(shown, key, null);
    }

    private static String token(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new ConsoleException(404, "link_unknown", null);
        }
        return token;
    }

    /** A whole number in [min, max], {@code null} when absent; anything else is the customer's mistake (400). */
    private static Integer number(String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw new ConsoleException(400, "error_400", null);
    }

    /** The answer scales: NPS 0-10, CSAT 1-5, CES 1-7. */
    enum Scale {
        NPS(0, 10), CSAT(1, 5), CES(1, 7);

        final int min;
        final int max;

        Scale(int min, int max) {
            this.min = min;
            this.max = max;
        }

        static Scale of(String value) {
            for (Scale s : values()) {
                if (s.name().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            return NPS;
        }
    }
}
