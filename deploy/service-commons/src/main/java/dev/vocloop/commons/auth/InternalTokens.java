package dev.vocloop.commons.auth;

import io.quarkus.arc.Unremovable;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the short-lived JWT that tells a service who is calling (CONTRACT.md, Internal tokens):
 * the gateway signs one for the caller of each public request, a service signs one with role
 * {@link Roles#SERVICE} for its hand-over calls. Every service verifies the signature with the
 * public key and checks roles itself, so a service reached without the gateway stays closed.
 *
 * <p>The gateway and the services sign with two different key pairs, named in the token's
 * {@code kid} header ({@link #GATEWAY_KEY_ID}, {@link #SERVICE_KEY_ID}): a service accepts the
 * {@code SERVICE} role only from the service key and every caller role only from the gateway key,
 * so a service that leaks its key cannot mint an ADMIN token.
 *
 * <p>Signing costs an RSA operation, so a token is reused for the same caller until half its
 * life has passed; revoking an API key still takes effect at once because the gateway checks the
 * key on every request before it asks for a token.
 */
// Unremovable: REST client filters look it up rather than inject it.
@Unremovable
@ApplicationScoped
public class InternalTokens {

    public static final String ISSUER = "vocloop-gateway";
    public static final String AUDIENCE = "vocloop-services";
    /** The {@code kid} of tokens the gateway signs for its callers. */
    public static final String GATEWAY_KEY_ID = "gateway";
    /** The {@code kid} of the {@code SERVICE} tokens the services sign for their hand-overs. */
    public static final String SERVICE_KEY_ID = "service";

    private final Optional<String> privateKeyPem;
    private final String keyId;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();
    private volatile PrivateKey key;

    @Inject
    public InternalTokens(@ConfigProperty(name = "internal-jwt.private-key") Optional<String> privateKeyPem,
            @ConfigProperty(name = "internal-jwt.key-id") String keyId,
            @ConfigProperty(name = "internal-jwt.lifetime", defaultValue = "60s") Duration lifetime) {
        this(privateKeyPem, keyId, lifetime, Clock.systemUTC());
    }

    InternalTokens(Optional<String> privateKeyPem, String keyId, Duration lifetime, Clock clock) {
        if (!keyId.equals(GATEWAY_KEY_ID) && !keyId.equals(SERVICE_KEY_ID)) {
            throw new IllegalArgumentException("internal-jwt.key-id must be " + GATEWAY_KEY_ID + " or " + SERVICE_KEY_ID);
        }
        this.privateKeyPem = privateKeyPem;
        this.keyId = keyId;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A bearer token for {@code subject} acting in {@code role}, limited to {@code teams} for agents. */
    public String token(String subject, String role, List<String> teams) {
        return token(subject, role, teams, null, false);
    }

    /**
     * A bearer token as {@link #token(String, String, List)}, for a customer app that proved it acts
     * for {@code customer} (null when it proved nothing) and, with {@code identityRequired}, may act
     * for that customer only.
     */
    public String token(String subject, String role, List<String> teams, String customer, boolean identityRequired) {
        String cacheKey = subject + '\n' + role + '\n' + String.join(",", teams) + '\n' + identityRequired
                + (customer == null ? "" : '\n' + customer);
        Instant now = clock.instant();
        Token cached = cache.get(cacheKey);
        if (cached != null && now.isBefore(cached.reuseUntil())) {
            return cached.value();
        }
        Instant expires = now.plus(lifetime);
        var claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(role))
                .claim(Roles.TEAMS_CLAIM, teams);
        if (customer != null) {
            claims.claim(Roles.CUSTOMER_CLAIM, customer);
        }
        if (identityRequired) {
            claims.claim(Roles.IDENTITY_REQUIRED_CLAIM, true);
        }
        String value = claims.issuedAt(now).expiresAt(expires).jws().keyId(keyId).sign(privateKey());
        if (cache.size() > 10_000) {
            // Bounded: callers are API keys (and their verified customers), so this only trips after a
            // flood of distinct keys or customers; clearing costs only re-signing.
            cache.clear();
        }
        cache.put(cacheKey, new Token(value, now.plus(lifetime.dividedBy(2))));
        return value;
    }

    /** A token for this service's own hand-over calls. */
    public String serviceToken(String serviceName) {
        return token(serviceName, Roles.SERVICE, List.of());
    }

    private PrivateKey privateKey() {
        PrivateKey current = key;
        if (current == null) {
            String pem = privateKeyPem.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                    "INTERNAL_JWT_PRIVATE_KEY is not set: internal calls cannot be signed (CONTRACT.md, Internal tokens)"));
            try {
                current = KeyUtils.decodePrivateKey(pem);
            } catch (Exception e) {
                // The message names the variable, never the key material.
                throw new IllegalStateException("INTERNAL_JWT_PRIVATE_KEY is not a PEM PKCS#8 RSA private key");
            }
            key = current;
        }
        return current;
    }

    private record Token(String value, Instant reuseUntil) {
    }
}
