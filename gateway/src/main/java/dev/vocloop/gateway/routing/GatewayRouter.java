package dev.vocloop.gateway.routing;

import dev.vocloop.gateway.http.EdgeHandler;
import dev.vocloop.gateway.http.ProblemResponses;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts the gateway's handlers in front of everything else on the HTTP router. Quarkus' own CORS
 * handler runs earlier still, so preflight requests never need a key.
 */
@ApplicationScoped
public class GatewayRouter {

    private final EdgeHandler edge;
    private final GatewayHandler gateway;
    private final ProblemResponses problems;

    public GatewayRouter(EdgeHandler edge, GatewayHandler gateway, ProblemResponses problems) {
        this.edge = edge;
        this.gateway = gateway;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().order(-300).handler(edge::handle);
        // Service-to-service endpoints are for the cluster network only: from outside they do not exist.
        router.routeWithRegex("/internal(/.*)?").order(-290).handler(ctx -> problems.send(ctx, 404, "not-found", "Not Found",
                "no resource at this path"));
        router.route("/api/v1/*").order(-280).handler(gateway::handle);
    }
}
