package dev.vocloop.gateway.routing;

import dev.vocloop.commons.auth.InternalTokens;
import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.http.RequestIds;
import dev.vocloop.gateway.auth.Caller;
import dev.vocloop.gateway.http.EdgeHandler;
import dev.vocloop.gateway.http.ProblemResponses;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Forwards a request to the service that owns it and streams both bodies, with Vert.x's HTTP
 * client and pipes (back-pressure included). A service that cannot be reached answers 502, one
 * that sends no response head within the route's timeout 504, both as problem documents.
 */
@ApplicationScoped
public class ProxyForwarder {

    /** Client-sent headers of this prefix are dropped: they once carried identity and never may again. */
    private static final String IDENTITY_PREFIX = "x-vocloop-";

    /** Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and are never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection");

    private final ServicesConfig services;
    private final ProblemResponses problems;
    private final InternalTokens tokens;
    private final Vertx vertx;
    private final HttpClient client;

    public ProxyForwarder(ServicesConfig services, ProblemResponses problems, InternalTokens tokens, Vertx vertx) {
        this.services = services;
        this.problems = problems;
        this.tokens = tokens;
        this.vertx = vertx;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) services.connectTimeout().toMillis()).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(100));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Forwards the (paused) request of {@code ctx} to the route's service on behalf of {@code caller}. */
    public void forward(RoutingContext ctx, Route route, Caller caller) {
        HttpServerRequest in = ctx.request();
        URI base = baseUrl(route.backend());
        String query = in.query();
        String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        // The normalized path, never the raw one: "/api/v1/x/../../internal" must not reach /internal.
        String uri = basePath + ctx.normalizedPath() + (query == null ? "" : "?" + query);

        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80))
                .setSsl("https".equals(base.getScheme()))
                .setURI(uri)
                .setHeaders(forwardedHeaders(in, caller))
                // A response that stalls after its head is cut off too, so no exchange hangs forever.
                .setIdleTimeout(route.timeout().toMillis() * 2);

        AtomicBoolean answered = new AtomicBoolean();
        AtomicReference<HttpClientRequest> pending = new AtomicReference<>();
        long timer = vertx.setTimer(route.timeout().toMillis(), t -> {
            if (answered.compareAndSet(false, true)) {
                HttpClientRequest slow = pending.get();
                if (slow != null) {
                    slow.reset();
                }
                Log.warnf("request %s: %s did not answer within %s", EdgeHandler.requestId(ctx), route.backend(), route.timeout());
                problems.send(ctx, 504, "upstream-timeout", "Gateway timeout", "the service did not answer in time");
            }
        });

        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                vertx.cancelTimer(timer);
                if (answered.compareAndSet(false, true)) {
                    Log.warnf("request %s: %s unreachable: %s", EdgeHandler.requestId(ctx), route.backend(),
                            connected.cause().getMessage());
                    problems.send(ctx, 502, "upstream-unavailable", "Bad gateway", "the service is not reachable");
                }
                return;
            }
            HttpClientRequest out = connected.result();
            pending.set(out);
            // Failures are answered through the response future and the pipe; no need to log them twice.
            out.exceptionHandler(ignored -> { });
            if (answered.get()) {
                out.reset();
                return;
            }
            ctx.response().closeHandler(closed -> out.reset());
            out.response().onComplete(ar -> {
                vertx.cancelTimer(timer);
                if (!answered.compareAndSet(false, true)) {
                    if (ar.succeeded()) {
                        out.reset();
                    }
                    return;
                }
                if (ar.failed()) {
                    Log.warnf("request %s: %s failed: %s", EdgeHandler.requestId(ctx), route.backend(), ar.cause().getMessage());
                    problems.send(ctx, 502, "upstream-unavailable", "Bad gateway", "the service did not answer");
                    return;
                }
                relay(ar.result(), ctx.response());
            });
            sendBody(ctx, route, in, out, answered, timer);
        });
    }

    private void sendBody(RoutingContext ctx, Route route, HttpServerRequest in, HttpClientRequest out,
            AtomicBoolean answered, long timer) {
        boolean hasBody = in.headers().contains(HttpHeaders.CONTENT_LENGTH) || in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody) {
            out.end();
            in.resume();
            return;
        }
        if (!in.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        LimitedReadStream body = new LimitedReadStream(in, route.maxBodyBytes());
        // endOnFailure(false): a body cut short must never reach the service as if it were complete.
        body.pipe().endOnFailure(false).to(out).onFailure(err -> {
            vertx.cancelTimer(timer);
            // Answer first: resetting the service's request fails its response, which must not win.
            if (answered.compareAndSet(false, true)) {
                if (body.exceeded()) {
                    problems.send(ctx, 413, "too-large", "Payload too large",
                            "the request body is larger than " + route.maxBodyBytes() + " bytes");
                } else {
                    problems.send(ctx, 502, "upstream-unavailable", "Bad gateway", "the request could not be forwarded");
                }
            }
            out.reset();
        });
    }

    private static void relay(HttpClientResponse from, HttpServerResponse to) {
        to.setStatusCode(from.statusCode());
        from.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                to.headers().add(h.getKey(), h.getValue());
            }
        });
        if (!from.headers().contains(HttpHeaders.CONTENT_LENGTH) && from.statusCode() != 204 && from.statusCode() != 304) {
            to.setChunked(true);
        }
        from.pipeTo(to);
    }

    private MultiMap forwardedHeaders(HttpServerRequest in, Caller caller) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            // The key stays at the gateway: services know the caller from the internal token only.
            if (!HOP_BY_HOP.contains(name) && !name.equals("host") && !name.equals("authorization")
                    && !name.startsWith(IDENTITY_PREFIX) && !name.startsWith("x-forwarded-")) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        // The peer of this connection, not the forwarded client address: the chain grows by one hop.
        String clientAddress = in.connection() == null || in.connection().remoteAddress() == null ? "unknown"
                : in.connection().remoteAddress().hostAddress();
        String chain = in.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", chain == null || chain.isBlank() ? clientAddress : chain + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        headers.set(RequestIds.HEADER, in.getHeader(RequestIds.HEADER));
        // A customer without a key holds a link token, which the service checks against the invitation.
        String role = caller.role() == null ? Roles.CUSTOMER : caller.role().name();
        // The customer a customer app proved (the gateway checked its signature), never a header as sent.
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(caller.subject(), role, caller.teams(),
                caller.customer(), caller.identityRequired()));
        return headers;
    }

    private URI baseUrl(Backend backend) {
        return switch (backend) {
            case FEEDBACK -> services.feedback().url();
            case TICKET -> services.ticket().url();
            case SURVEY -> services.survey().url();
            case GATEWAY -> throw new IllegalArgumentException("the gateway's own routes are not forwarded");
        };
    }
}
