package dev.vocloop.gateway.auth;

import dev.vocloop.gateway.apikeys.ApiKeyService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/** Turns an {@code Authorization: Bearer <key>} header into a {@link Caller}. */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "bearer ";

    private final ApiKeyService keys;
    private final Vertx vertx;
    private final byte[] adminKeyDigest;

    public Authenticator(ApiKeyService keys, Vertx vertx, AuthConfig config) {
        this.keys = keys;
        this.vertx = vertx;
        this.adminKeyDigest = config.adminKey().filter(k -> !k.isBlank()).map(Authenticator::sha256).orElse(null);
    }

    /**
     * The caller of an Authorization header; empty when the header is not a bearer key or the key
     * is unknown or revoked. Completes on the caller's event loop; the database lookup runs on a
     * worker thread.
     */
    public Future<Optional<Caller>> authenticate(String authorization) {
        return authenticate(authorization, CustomerProof.NONE);
    }

    /**
     * The caller as {@link #authenticate(String)}, with the customer a CUSTOMER_APP key proves by
     * {@code proof}. Fails with {@link CustomerSignatureException} when a signature was sent and does
     * not match (the bootstrap admin key ignores the proof: it acts for everybody anyway).
     */
    public Future<Optional<Caller>> authenticate(String authorization, CustomerProof proof) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.succeededFuture(Optional.empty());
        }
        String secret = authorization.substring(BEARER.length()).strip();
        if (isAdminKey(secret)) {
            return Future.succeededFuture(Optional.of(new Caller(Caller.BOOTSTRAP_ADMIN, Role.ADMIN, List.of())));
        }
        return vertx.executeBlocking(() -> keys.authenticate(secret, proof), false);
    }

    private boolean isAdminKey(String secret) {
        // Digests have the same length whatever the secret, so the comparison time tells nothing.
        return adminKeyDigest != null && MessageDigest.isEqual(adminKeyDigest, sha256(secret));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
