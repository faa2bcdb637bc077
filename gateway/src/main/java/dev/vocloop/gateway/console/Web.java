package dev.vocloop.gateway.console;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Cookies and request facts shared by the console's resources. */
final class Web {

    /** The session cookie: an opaque id, the session itself stays on the server. */
    static final String SESSION_COOKIE = "vocloop_session";

    private Web() {
    }

    static String cookie(HttpHeaders headers, String name) {
        Cookie c = headers.getCookies().get(name);
        return c == null ? null : c.getValue();
    }

    static String language(HttpHeaders headers, String explicit) {
        String chosen = Messages.normalize(explicit);
        return chosen != null ? chosen : Messages.resolve(cookie(headers, Messages.LANG_COOKIE), headers.getHeaderString("Accept-Language"));
    }

    /** Whether the browser reached us over https (directly or through a TLS-terminating ingress). */
    static boolean secure(UriInfo uri, HttpHeaders headers) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
    }

    static NewCookie sessionCookie(String value, boolean secure, int maxAgeSeconds) {
        return new NewCookie.Builder(SESSION_COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }

    static NewCookie languageCookie(String language, boolean secure) {
        return new NewCookie.Builder(Messages.LANG_COOKIE).value(language).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(365 * 24 * 3600).build();
    }

    /** Only our own absolute paths: a "back" parameter must not send users to another site. */
    static String localPath(String path, String fallback) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.contains("\r")
                || path.contains("\n")) {
            return fallback;
        }
        return path;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
