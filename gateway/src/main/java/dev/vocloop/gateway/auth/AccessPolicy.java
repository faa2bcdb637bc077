package dev.vocloop.gateway.auth;

import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role × route matrix: which role may call which public route. Everything not granted here is
 * refused (403), except for ADMIN, who may call every route. Finer rules stay with the services:
 * every service checks the role of the internal token again ({@code @RolesAllowed}), ticket-service
 * limits agents to the teams in the token (another team's ticket is a 404 there), feedback-service masks texts for PRODUCT, survey-service scopes tokens to their
 * invitation.
 */
@ApplicationScoped
public class AccessPolicy {

    private static final Set<HttpMethod> ANY = Set.of();

    /**
     * Routes where a survey, follow-up or unsubscribe token is the credential: no key needed. The
     * service checks that the token belongs to the invitation or follow-up it acts on.
     */
    private static final List<Rule> PUBLIC = List.of(
            rule(Set.of(HttpMethod.GET), "/api/v1/survey-responses/[^/]+"),
            rule(Set.of(HttpMethod.POST), "/api/v1/survey-responses"),
            rule(Set.of(HttpMethod.GET), "/api/v1/follow-ups/[^/]+"),
            rule(Set.of(HttpMethod.POST), "/api/v1/follow-ups/[^/]+/answer"),
            rule(Set.of(HttpMethod.GET, HttpMethod.POST), "/api/v1/unsubscribe(/.*)?"));

    /** The customer route whose path names the customer: a key that must prove its customer may read only its own. */
    private static final Pattern PENDING_SURVEYS = Pattern.compile("/api/v1/customers/([^/]+)/pending-surveys");

    private static final List<Rule> CUSTOMER_APP = List.of(
            rule(Set.of(HttpMethod.POST), "/api/v1/feedback"),
            rule(Set.of(HttpMethod.GET), PENDING_SURVEYS.pattern()));

    private static final List<Rule> AGENT = List.of(
            rule(ANY, "/api/v1/tickets(/.*)?"),
            rule(Set.of(HttpMethod.GET), "/api/v1/teams/[^/]+/queue"));

    private static final List<Rule> PRODUCT = List.of(
            rule(Set.of(HttpMethod.GET), "/api/v1/feedback(/.*)?"),
            rule(Set.of(HttpMethod.PATCH), "/api/v1/feedback/[^/]+"),
            rule(Set.of(HttpMethod.POST), "/api/v1/classifier/predict"),
            rule(Set.of(HttpMethod.GET), "/api/v1/nps(/.*)?"),
            rule(Set.of(HttpMethod.GET), "/api/v1/surveys/[^/]+/nps(/.*)?"));

    /** Whether the route may be called without a key (a token in the path or body is the credential). */
    public boolean isPublic(HttpMethod method, String path) {
        return matches(PUBLIC, method, path);
    }

    /**
     * Whether the route is open to customer apps or token holders, whose keys are public: such
     * routes are also rate limited per client address.
     */
    public boolean isCustomerFacing(HttpMethod method, String path) {
        return isPublic(method, path) || matches(CUSTOMER_APP, method, path);
    }

    /** Whether the caller's role may call the route. */
    public boolean allows(Caller caller, HttpMethod method, String path) {
        if (isPublic(method, path)) {
            return true;
        }
        if (caller.role() == null) {
            return false;
        }
        return switch (caller.role()) {
            case ADMIN -> true;
            case CUSTOMER_APP -> matches(CUSTOMER_APP, method, path);
            case AGENT -> matches(AGENT, method, path);
            case PRODUCT -> matches(PRODUCT, method, path);
        };
    }

    /**
     * Whether a caller allowed on the route may act for the customer the route is about. Only
     * CUSTOMER_APP keys that require identity verification are limited, and only where the path names
     * the customer ({@code GET /api/v1/customers/{id}/pending-surveys}); the body's customer of
     * {@code POST /api/v1/feedback} is feedback-service's to check, from the internal token's
     * {@code customer} claim, since the gateway streams bodies unread.
     */
    public CustomerAccess customerAccess(Caller caller, HttpMethod method, String path) {
        if (caller.role() != Role.CUSTOMER_APP || !caller.identityRequired() || method != HttpMethod.GET) {
            return CustomerAccess.ALLOWED;
        }
        Optional<String> named = customerOfPath(path);
        if (named.isEmpty()) {
            return CustomerAccess.ALLOWED;
        }
        if (caller.customer() == null) {
            return CustomerAccess.NOT_PROVED;
        }
        return caller.customer().equals(named.get()) ? CustomerAccess.ALLOWED : CustomerAccess.OTHER_CUSTOMER;
    }

    /** The customer id in a pending-surveys path, percent-decoded as the service will read it. */
    static Optional<String> customerOfPath(String path) {
        Matcher m = PENDING_SURVEYS.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            // A path keeps '+' literally; URLDecoder would turn it into a space.
            return Optional.of(URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // A broken escape names no customer anybody proved: compared as sent, it is refused.
            return Optional.of(m.group(1));
        }
    }

    /** What {@link #customerAccess} found. */
    public enum CustomerAccess {
        /** Not limited, or the proved customer is the one the path names. */
        ALLOWED,
        /** The key must prove its customer and the request proved none: 401. */
        NOT_PROVED,
        /** The request proved another customer than the path names: 403. */
        OTHER_CUSTOMER
    }

    private static boolean matches(List<Rule> rules, HttpMethod method, String path) {
        for (Rule rule : rules) {
            if ((rule.methods().isEmpty() || rule.methods().contains(method)) && rule.path().matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Rule rule(Set<HttpMethod> methods, String regex) {
        return new Rule(methods, Pattern.compile(regex));
    }

    private record Rule(Set<HttpMethod> methods, Pattern path) {
    }
}
