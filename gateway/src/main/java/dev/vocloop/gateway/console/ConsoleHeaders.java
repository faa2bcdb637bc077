package dev.vocloop.gateway.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Response headers of the console and customer pages, which differ from the API's on purpose. */
public class ConsoleHeaders {

    @ServerResponseFilter
    public void pageHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/console") && !path.startsWith("/follow-up/") && !path.startsWith("/survey/")
                && !path.startsWith("/unsubscribe/")) {
            return;
        }
        // With the gateway's default "no-referrer", browsers send "Origin: null" on form posts and the
        // CORS filter refuses them; same-origin still tells other sites nothing (tokens stay private).
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        // Pages carry ticket texts, customer data and CSRF tokens: no cache may keep them.
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
