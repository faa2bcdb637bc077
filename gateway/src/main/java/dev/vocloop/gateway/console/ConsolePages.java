package dev.vocloop.gateway.console;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * What every console page needs: its template with the common data (texts in the user's language,
 * the session, the CSRF token, the library paths), and the session and CSRF guards.
 */
@ApplicationScoped
public class ConsolePages {

    /** Served from the mvnpm and WebJars jars on the classpath; the versions match gateway/pom.xml. */
    public static final String HTMX = "/_static/htmx.org/2.0.2/dist/htmx.min.js";
    public static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    private final Engine engine;
    private final Messages messages;
    private final SessionStore sessions;

    public ConsolePages(Engine engine, Messages messages, SessionStore sessions) {
        this.engine = engine;
        this.messages = messages;
        this.sessions = sessions;
    }

    /** A page: {@code template} under {@code templates/console/}. */
    public TemplateInstance page(String template, String language, ConsoleSession session, String path) {
        return engine.getTemplate("console/" + template)
                .data("m", messages.of(language))
                .data("lang", language)
                .data("otherLang", Messages.ZH.equals(language) ? Messages.EN : Messages.ZH)
                .data("session", session)
                .data("csrf", session == null ? "" : session.csrfToken())
                .data("path", Web.enc(path == null ? "/console" : path))
                .data("htmx", HTMX)
                .data("chartJs", CHART_JS);
    }

    public String text(String language, String key) {
        return messages.of(language).getOrDefault(key, key);
    }

    /** The live session of the request, or a redirect to the sign-in page. */
    public ConsoleSession requireSession(HttpHeaders headers) {
        String id = Web.cookie(headers, Web.SESSION_COOKIE);
        Optional<ConsoleSession> session = sessions.find(id);
        if (session.isEmpty()) {
            throw ConsoleException.signIn(id == null ? "signed-out" : "expired");
        }
        return session.get();
    }

    /** Refuses (403) a state-changing form without the session's synchronizer token. */
    public void requireCsrf(ConsoleSession session, String token) {
        if (token == null || !MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ConsoleException(403, "error_csrf", null);
        }
    }

    /** Refuses (403) a page the session's role has no use for. */
    public void requireRole(boolean allowed) {
        if (!allowed) {
            throw new ConsoleException(403, "error_403", null);
        }
    }
}
