package dev.vocloop.gateway.http;

import dev.vocloop.commons.http.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * First handler of every request: settles the request id (passed on to services and returned to
 * the client) and adds the security headers to every response, proxied or not.
 */
@ApplicationScoped
public class EdgeHandler {

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "Cross-Origin-Opener-Policy", "same-origin");

    /** API answers are data, never documents to render: nothing may run or load from them. */
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI is a page with its own scripts and styles, served from the gateway itself. */
    private static final String PAGE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    /** The request id of an exchange, as settled by this handler. */
    public static String requestId(RoutingContext ctx) {
        return ctx.get(RequestIds.MDC_KEY);
    }

    public void handle(RoutingContext ctx) {
        String id = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        // Set on the request too, so the services and the REST filters of the gateway use the same id.
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.put(RequestIds.MDC_KEY, id);
        boolean api = ctx.normalizedPath().startsWith("/api/");
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set(RequestIds.HEADER, id);
            SECURITY_HEADERS.forEach((name, value) -> {
                if (!headers.contains(name)) {
                    headers.set(name, value);
                }
            });
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", api ? API_CSP : PAGE_CSP);
            }
            if (api && !headers.contains("Cache-Control")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        ctx.next();
    }
}
