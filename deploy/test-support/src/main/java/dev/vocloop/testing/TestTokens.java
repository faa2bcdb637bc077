package dev.vocloop.testing;

import io.restassured.http.Header;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Internal tokens for tests, signed with {@link InternalJwtResource}'s key as the gateway would
 * sign them, plus the tokens a service must refuse: unsigned, signed by another key, expired.
 */
public final class TestTokens {

    static final String ANONYMOUS_MARKER = "X-Test-Anonymous";
    private static final String ISSUER = "vocloop-gateway";
    private static final String AUDIENCE = "vocloop-services";

    private TestTokens() {
    }

    /** {@code Authorization} header value for a caller in {@code role}, an agent limited to {@code teams}. */
    public static String bearer(String role, String... teams) {
        return bearerFor("test-" + role.toLowerCase(), role, teams);
    }

    /** {@code Authorization} header value for a caller with this subject (an API key id, say). */
    public static String bearerFor(String subject, String role, String... teams) {
        return "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .groups(Set.of(role)).claim("teams", List.of(teams))
                .expiresIn(600).sign(InternalJwtResource.KEYS.getPrivate());
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
        return new Header("Authorization", "Bearer " + claims.expiresIn(600).sign(InternalJwtResource.KEYS.getPrivate()));
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
                .groups(Set.of("ADMIN")).expiresIn(600).sign(InternalJwtResource.generate().getPrivate()));
    }

    /** An ADMIN token that expired ten minutes ago. */
    public static Header expired() {
        Instant past = Instant.now().minusSeconds(1200);
        return new Header("Authorization", "Bearer " + Jwt.issuer(ISSUER).audience(AUDIENCE).subject("late")
                .groups(Set.of("ADMIN")).issuedAt(past).expiresAt(past.plusSeconds(600))
                .sign(InternalJwtResource.KEYS.getPrivate()));
    }

    /**
     * The claims of an {@code Authorization: Bearer} value that the platform signed with
     * {@link InternalJwtResource}'s key; throws when the signature, issuer, audience or expiry is wrong.
     */
    public static JwtClaims verify(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new AssertionError("not a bearer token: " + authorization);
        }
        try {
            return new JwtConsumerBuilder().setVerificationKey(InternalJwtResource.publicKey())
                    .setExpectedIssuer(ISSUER).setExpectedAudience(AUDIENCE).setRequireExpirationTime().build()
                    .processToClaims(authorization.substring("Bearer ".length()));
        } catch (InvalidJwtException e) {
            throw new AssertionError("the token does not verify: " + e.getMessage(), e);
        }
    }

}
