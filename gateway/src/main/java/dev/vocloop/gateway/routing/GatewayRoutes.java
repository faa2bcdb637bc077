package dev.vocloop.gateway.routing;

import dev.vocloop.gateway.limits.LimitsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which service owns which public path, with the body limit, media types and timeout of each.
 * A path owned by nobody is not the gateway's business and ends as a 404.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Set<String> JSON = Set.of("application/json");

    /** Path prefixes (matched up to a '/' or the end) and their owners; admin prefixes come first. */
    private static final List<Map.Entry<String, Backend>> OWNERS = List.of(
            Map.entry("/api/v1/admin/feedback", Backend.FEEDBACK),
            Map.entry("/api/v1/admin/tickets", Backend.TICKET),
            Map.entry("/api/v1/admin/surveys", Backend.SURVEY),
            Map.entry("/api/v1/api-keys", Backend.GATEWAY),
            Map.entry("/api/v1/feedback", Backend.FEEDBACK),
            Map.entry("/api/v1/classifier", Backend.FEEDBACK),
            Map.entry("/api/v1/tickets", Backend.TICKET),
            Map.entry("/api/v1/teams", Backend.TICKET),
            Map.entry("/api/v1/routing-rules", Backend.TICKET),
            Map.entry("/api/v1/sla-policies", Backend.TICKET),
            Map.entry("/api/v1/surveys", Backend.SURVEY),
            Map.entry("/api/v1/survey-responses", Backend.SURVEY),
            Map.entry("/api/v1/follow-ups", Backend.SURVEY),
            Map.entry("/api/v1/customers", Backend.SURVEY),
            Map.entry("/api/v1/nps", Backend.SURVEY),
            Map.entry("/api/v1/unsubscribe", Backend.SURVEY));

    private final ServicesConfig services;
    private final LimitsConfig limits;

    public GatewayRoutes(ServicesConfig services, LimitsConfig limits) {
        this.services = services;
        this.limits = limits;
    }

    /** The route of a normalized path, or empty when no service owns it. */
    public Optional<Route> resolve(String path) {
        Backend backend = ownerOf(path);
        if (backend == null) {
            return Optional.empty();
        }
        if (path.equals("/api/v1/feedback/batch")) {
            return Optional.of(new Route(backend, limits.bulkBody().asLongValue(),
                    Set.of("application/json", "application/x-ndjson"), services.bulkTimeout()));
        }
        if (path.equals("/api/v1/feedback/inbound-email")) {
            return Optional.of(new Route(backend, limits.bulkBody().asLongValue(), Set.of("message/rfc822"),
                    services.bulkTimeout()));
        }
        long maxBody = backend == Backend.FEEDBACK ? limits.feedbackBody().asLongValue() : limits.defaultBody().asLongValue();
        return Optional.of(new Route(backend, maxBody, JSON, timeoutOf(backend)));
    }

    private Duration timeoutOf(Backend backend) {
        return switch (backend) {
            case FEEDBACK -> services.feedback().timeout();
            case TICKET -> services.ticket().timeout();
            case SURVEY, GATEWAY -> services.survey().timeout();
        };
    }

    private static Backend ownerOf(String path) {
        for (Map.Entry<String, Backend> owner : OWNERS) {
            String prefix = owner.getKey();
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return owner.getValue();
            }
        }
        return null;
    }
}
