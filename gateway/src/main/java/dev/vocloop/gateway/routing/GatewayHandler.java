package dev.vocloop.gateway.routing;

import dev.vocloop.gateway.auth.AccessPolicy;
import dev.vocloop.gateway.auth.Authenticator;
import dev.vocloop.gateway.auth.Caller;
import dev.vocloop.gateway.auth.CustomerProof;
import dev.vocloop.gateway.auth.CustomerSignatureException;
import dev.vocloop.gateway.auth.Role;
import dev.vocloop.gateway.http.EdgeHandler;
import dev.vocloop.gateway.http.ProblemResponses;
import dev.vocloop.gateway.limits.RateLimiter;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * The door of {@code /api/v1}: finds the owner of the path, authenticates the caller, applies the
 * role matrix, the rate limits and the body rules, then forwards the request or lets the gateway's
 * own resources answer it. Paths nobody owns go on to the 404 of the REST layer.
 */
@ApplicationScoped
public class GatewayHandler {

    /** Key of the authenticated {@link Caller} in the routing context, for the gateway's own resources. */
    public static final String CALLER = "vocloop.caller";

    private final GatewayRoutes routes;
    private final AccessPolicy policy;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final ProxyForwarder forwarder;
    private final ProblemResponses problems;

    public GatewayHandler(GatewayRoutes routes, AccessPolicy policy, Authenticator authenticator, RateLimiter rateLimiter,
            ProxyForwarder forwarder, ProblemResponses problems) {
        this.routes = routes;
        this.policy = policy;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.forwarder = forwarder;
        this.problems = problems;
    }

    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Optional<Route> resolved = routes.resolve(path);
        if (resolved.isEmpty()) {
            ctx.next();
            return;
        }
        Route route = resolved.get();
        HttpServerRequest request = ctx.request();
        // Keep the body in the socket until the request is allowed and its destination is known.
        request.pause();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null && policy.isPublic(request.method(), path)) {
            admit(ctx, route, Caller.TOKEN_HOLDER);
            return;
        }
        if (authorization == null) {
            unauthorized(ctx, "an API key is required: Authorization: Bearer <key>");
            return;
        }
        CustomerProof proof = new CustomerProof(request.getHeader(CustomerProof.CUSTOMER_HEADER),
                request.getHeader(CustomerProof.SIGNATURE_HEADER));
        authenticator.authenticate(authorization, proof).onComplete(ar -> {
            if (ar.failed() && ar.cause() instanceof CustomerSignatureException e) {
                customerUnproved(ctx, e.getMessage());
            } else if (ar.failed()) {
                Log.errorf(ar.cause(), "request %s: API key lookup failed", EdgeHandler.requestId(ctx));
                problems.send(ctx, 503, "unavailable", "Service unavailable", "the API key could not be checked, try again");
            } else if (ar.result().isEmpty()) {
                unauthorized(ctx, "the API key is unknown or revoked");
            } else if (!policy.allows(ar.result().get(), request.method(), path)) {
                problems.send(ctx, 403, "forbidden", "Forbidden", "the API key's role may not use this route");
            } else {
                switch (policy.customerAccess(ar.result().get(), request.method(), path)) {
                    case NOT_PROVED -> customerUnproved(ctx, "this API key may read a customer's data only with "
                            + CustomerProof.CUSTOMER_HEADER + " and " + CustomerProof.SIGNATURE_HEADER);
                    case OTHER_CUSTOMER -> problems.send(ctx, 403, "customer-mismatch", "Forbidden",
                            "this API key may act only for the customer its signature proves");
                    case ALLOWED -> admit(ctx, route, ar.result().get());
                }
            }
        });
    }

    /** 401 for a customer app that must prove its customer and did not, or sent a wrong signature. */
    private void customerUnproved(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"vocloop\"");
        problems.send(ctx, 401, "customer-signature", "Customer not verified", detail);
    }

    private void admit(RoutingContext ctx, Route route, Caller caller) {
        HttpServerRequest request = ctx.request();
        boolean publicCaller = !caller.hasKey() || caller.role() == Role.CUSTOMER_APP;
        // Customer-app keys are public, so the address is the only thing that tells abusers apart.
        String address = publicCaller && policy.isCustomerFacing(request.method(), ctx.normalizedPath())
                ? (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress())
                : null;
        // The buckets may live in PostgreSQL: the take answers on this request's event loop when done.
        Future.fromCompletionStage(rateLimiter.take(caller.hasKey() ? caller.subject() : null, address),
                ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            if (ar.failed()) {
                // RateLimiter answers from local buckets when its store fails; this is a bug, not an outage.
                Log.errorf(ar.cause(), "request %s: rate limit failed", EdgeHandler.requestId(ctx));
                problems.send(ctx, 503, "unavailable", "Service unavailable", "the rate limit could not be checked, try again");
            } else if (ar.result().isPresent()) {
                long seconds = Math.max(1, (ar.result().get().toMillis() + 999) / 1000);
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                problems.send(ctx, 429, "rate-limited", "Too many requests", "retry after " + seconds + " s");
            } else {
                pass(ctx, route, caller);
            }
        });
    }

    /** The request is within its limits: check its body, then hand it to its owner. */
    private void pass(RoutingContext ctx, Route route, Caller caller) {
        HttpServerRequest request = ctx.request();
        if (!bodyAcceptable(ctx, route)) {
            return;
        }
        if (route.backend() == Backend.GATEWAY) {
            ctx.put(CALLER, caller);
            request.resume();
            ctx.next();
            return;
        }
        forwarder.forward(ctx, route, caller);
    }

    /** Refuses declared-too-large bodies (413) and bodies of the wrong media type (415) before reading them. */
    private boolean bodyAcceptable(RoutingContext ctx, Route route) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            problems.send(ctx, 400, "invalid-request", "Invalid request", "Content-Length is not a number");
            return false;
        }
        if (declared > route.maxBodyBytes()) {
            problems.send(ctx, 413, "too-large", "Payload too large",
                    "the request body is larger than " + route.maxBodyBytes() + " bytes");
            return false;
        }
        if (declared > 0 || chunked) {
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!route.accepts(mediaType)) {
                problems.send(ctx, 415, "unsupported-media-type", "Unsupported media type",
                        "this route accepts " + String.join(", ", route.mediaTypes().stream().sorted().toList()));
                return false;
            }
        }
        return true;
    }

    private void unauthorized(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"vocloop\"");
        problems.send(ctx, 401, "unauthorized", "Unauthorized", detail);
    }
}
