package dev.vocloop.gateway.console;

import dev.vocloop.gateway.auth.Authenticator;
import dev.vocloop.gateway.auth.Caller;
import dev.vocloop.gateway.auth.Role;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sign-in with an API key, sign-out and the language switch. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private final ConsolePages pages;
    private final SessionStore sessions;
    private final Authenticator authenticator;
    private final ConsoleConfig config;

    public SignInResource(ConsolePages pages, SessionStore sessions, Authenticator authenticator, ConsoleConfig config) {
        this.pages = pages;
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.config = config;
    }

    @GET
    public Response home(@Context HttpHeaders headers) {
        ConsoleSession session = pages.requireSession(headers);
        return Response.seeOther(URI.create(session.home())).build();
    }

    @GET
    @Path("/sign-in")
    public TemplateInstance signInPage(@Context HttpHeaders headers, @QueryParam("reason") String reason,
            @QueryParam("lang") String lang) {
        String language = Web.language(headers, lang);
        String notice = "expired".equals(reason) ? "signin_expired" : "signed-out".equals(reason) ? "signin_required" : null;
        return pages.page("sign-in", language, null, "/console/sign-in").data("notice", notice).data("error", null);
    }

    @POST
    @Path("/sign-in")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@Context HttpHeaders headers, @Context UriInfo uri, @FormParam("apiKey") String apiKey) {
        String language = Web.language(headers, null);
        String key = apiKey == null ? "" : apiKey.strip();
        // Same check as every API request, so a key that the API refuses cannot open a console session either.
        Optional<Caller> caller = key.isEmpty() ? Optional.empty() : authenticate(key);
        if (caller.isEmpty()) {
            return signInAgain(language, 401, "signin_invalid");
        }
        if (caller.get().role() == Role.CUSTOMER_APP) {
            return signInAgain(language, 403, "signin_app_key");
        }
        sessions.close(Web.cookie(headers, Web.SESSION_COOKIE));
        ConsoleSession session = sessions.open(caller.get(), key);
        Log.infof("console: %s signed in as %s", session.subject(), session.role());
        int maxAge = (int) Math.min(Integer.MAX_VALUE, config.sessionIdleTimeout().toSeconds() * 48);
        return Response.seeOther(URI.create(session.home()))
                .cookie(Web.sessionCookie(session.id(), Web.secure(uri, headers), maxAge))
                .build();
    }

    @POST
    @Path("/sign-out")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri, @FormParam("_csrf") String csrf) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireCsrf(session, csrf);
        sessions.close(session.id());
        return Response.seeOther(URI.create("/console/sign-in"))
                .cookie(Web.sessionCookie("", Web.secure(uri, headers), 0))
                .build();
    }

    /** Keeps the language choice in a cookie and goes back to the page it was made on. */
    @GET
    @Path("/lang")
    public Response language(@Context HttpHeaders headers, @Context UriInfo uri, @QueryParam("to") String to,
            @QueryParam("back") String back) {
        String language = Messages.normalize(to);
        if (language == null) {
            throw new ConsoleException(400, "error_400", null);
        }
        return Response.seeOther(URI.create(Web.localPath(back, "/console")))
                .cookie(Web.languageCookie(language, Web.secure(uri, headers)))
                .build();
    }

    private Response signInAgain(String language, int status, String error) {
        String html = pages.page("sign-in", language, null, "/console/sign-in").data("notice", null).data("error", error).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private Optional<Caller> authenticate(String key) {
        try {
            return authenticator.authenticate("Bearer " + key).toCompletionStage().toCompletableFuture()
                    .get(config.apiTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(503, "error_unavailable", null);
        } catch (ExecutionException | TimeoutException e) {
            Log.errorf("console: API key lookup failed: %s", e.getClass().getSimpleName());
            throw new ConsoleException(503, "error_unavailable", null);
        }
    }
}
