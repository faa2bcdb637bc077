package dev.vocloop.gateway.console;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a {@link ConsoleException} into a human page (or a redirect), never problem+json or a trace. */
public class ConsoleExceptionMapper {

    private final ConsolePages pages;

    public ConsoleExceptionMapper(ConsolePages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response consoleError(ConsoleException e, HttpHeaders headers, UriInfo uri) {
        if (e.redirect() != null) {
            if (headers.getHeaderString("HX-Request") != null) {
                // An htmx refresh would swap a whole sign-in page into a table: ask htmx to navigate instead.
                return Response.ok().header("HX-Redirect", e.redirect()).build();
            }
            return Response.seeOther(URI.create(e.redirect())).build();
        }
        String language = Web.language(headers, uri.getQueryParameters().getFirst("lang"));
        String html = pages.page("error", language, null, uri.getPath())
                .data("status", e.status())
                .data("message", pages.text(language, e.messageKey()))
                .data("detail", e.detail())
                .render();
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
