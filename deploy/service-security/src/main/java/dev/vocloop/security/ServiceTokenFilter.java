package dev.vocloop.security;

import dev.vocloop.commons.auth.InternalTokens;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs this service's hand-over calls to another service's {@code /internal} routes with a
 * {@code SERVICE} token. Registered on each REST client interface with {@code @RegisterProvider};
 * the REST client creates providers itself, so the beans are looked up rather than injected.
 */
public class ServiceTokenFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        InternalTokens tokens = Arc.container().instance(InternalTokens.class).get();
        String serviceName = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.serviceToken(serviceName));
    }
}
