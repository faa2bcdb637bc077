package dev.vocloop.testing;

import io.restassured.http.Header;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Internal tokens for tests, signed with {@link InternalJwtResource}'s keys as the platform would
 * sign them (caller roles with the gateway's key, SERVICE with the services'), plus the tokens a
 * service must refuse: unsigned, signed by another key, expired, a role from the wrong key.
 */
public final class TestTokens {

    static final String ANONYMOUS_MARKER = "X-Test-Anonymous";
    private static final String ISSUER = "vocloop-gateway";
    private static final String AUDIENCE = "vocloop-services";
    private static final String GATEWAY_KEY_ID = "gateway";
    private static final String SERVICE_KEY_ID = "service";

    private TestTokens() {
    }

    /** {@code Authorization} header value for a caller in {@code role}, an agent limited to {@code teams}. */
    public static String bearer(String role, String... teams) {
        return bearerFor("test-" + role.toLowerCase(), role, teams);
    }

    /** {@code Authorization} header value for a caller with this subject (an API key id, say). */
    public static String bearerFor(String subject, String role, String... teams) {
        boolean service = role.equals("SERVICE");
        return signed(subject, role, service ? InternalJwtResource.SERVICE_KEYS : InternalJwtResource.GATEWAY_KEYS,
                service ? SERVICE_KEY_ID : GATEWAY_KEY_ID, teams);
    }

    /**
     * A token signed with a real platform key that may not sign {@code role}: the gateway's key for
     * SERVICE, the services' key for any other role. A service must refuse it.
     */
    public static Header wrongKeyFor(String role) {
        boolean service = role.equals("SERVICE");
        return new Header("Authorization", signed("mismatch", role,
                service ? InternalJwtResource.GATEWAY_KEYS : InternalJwtResource.SERVICE_KEYS,
                service ? GATEWAY_KEY_ID : SERVICE_KEY_ID));
    }

    /** The same, signed with the services' key but claiming to be the gateway's in its kid. */
    public static Header lyingKeyId(String role) {
        return new Header("Authorization", signed("liar", role, InternalJwtResource.SERVICE_KEYS, GATEWAY_KEY_ID));
    }

    private static String signed(String subject, String role, KeyPair keys, String keyId, String... teams) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .groups(Set.of(role)).claim("teams", List.of(teams))
                .expiresIn(600).jws().keyId(keyId).sign(keys.getPrivate());
    }

    /**
     * The header for a CUSTOMER_APP key that proved {@code customer} (null: none) with an identity
     * signature, and with {@code required} may act for that customer only, as the gateway signs it.
     */
    public static Header customerApp(String customer, boolean required) {
        var claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject("test-customer_app")
                .groups(Set.of("CUSTOMER_APP")).claim("teams", List.of());
        if (customer != null) {
            claims.claim("customer", customer);
        }
        if (required) {
            claims.claim("customer_required", true);
        }
        return new Header("Authorization", "Bearer " + claims.expiresIn(600).jws().keyId(GATEWAY_KEY_ID)
                .sign(InternalJwtResource.GATEWAY_KEYS.getPrivate()));
    }

    /** The header for a caller in {@code role}. */
    public static Header as(String role, String... teams) {
        return new Header("Authorization", bearer(role, teams));
    }

    /** Marks a REST Assured request to be sent without any token. */
    public static Header anonymous() {
        return new Header(ANONYMOUS_MARKER, "true");
    }

    /** A well-formed ADMIN token signed by a key the service does not trust. */
    public static Header forged() {
        return new Header("Authorization", "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject("forger")
                .groups(Set.of("ADMIN")).expiresIn(600).jws().keyId(GATEWAY_KEY_ID).sign(InternalJwtResource.generate().getPrivate()));
    }

    /** An ADMIN token that expired ten minutes ago. */
    public static Header expired() {
        Instant past = Instant.now().minusSeconds(1200);
        return new Header("Authorization", "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject("late")
                .groups(Set.of("ADMIN")).issuedAt(past).expiresAt(past.plusSeconds(600))
                .jws().keyId(GATEWAY_KEY_ID).sign(InternalJwtResource.GATEWAY_KEYS.getPrivate()));
    }

    /**
     * The claims of an {@code Authorization: Bearer} value that the gateway signed with
     * {@link InternalJwtResource}'s gateway key and named it in its kid; throws when the key id,
     * signature, issuer, audience or expiry is wrong.
     */
    public static JwtClaims verify(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new AssertionError("not a bearer token: " + authorization);
        }
        try {
            var context = new JwtConsumerBuilder().setVerificationKey(InternalJwtResource.GATEWAY_KEYS.getPublic())
                    .setExpectedIssuer(ISSUER).setExpectedAudience(AUDIENCE).setRequireExpirationTime().build()
                    .process(authorization.substring("Bearer ".length()));
            String keyId = context.getJoseObjects().get(0).getKeyIdHeaderValue();
            if (!GATEWAY_KEY_ID.equals(keyId)) {
                throw new AssertionError("the gateway's token names key " + keyId);
            }
            return context.getJwtClaims();
        } catch (InvalidJwtException e) {
            throw new AssertionError("the token does not verify: " + e.getMessage(), e);
        }
    }

}
