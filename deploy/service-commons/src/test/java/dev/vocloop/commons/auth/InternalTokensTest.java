package dev.vocloop.commons.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class InternalTokensTest {

    private static final KeyPair KEYS = keys();

    @Test
    void signsCallerClaimsThatTheServicesVerify() throws Exception {
        InternalTokens tokens = new InternalTokens(Optional.of(pem(KEYS)), "gateway", Duration.ofSeconds(60));
        String token = tokens.token("key-1", Roles.AGENT, List.of("billing", "app"));
        assertEquals(InternalTokens.GATEWAY_KEY_ID, consumer().process(token).getJoseObjects().get(0).getKeyIdHeaderValue(),
                "the services tell the gateway's key from the services' by this kid");
        JwtClaims claims = consumer().processToClaims(token);
        assertEquals("key-1", claims.getSubject());
        assertEquals(List.of("AGENT"), claims.getStringListClaimValue("groups"));
        assertEquals(List.of("billing", "app"), claims.getStringListClaimValue(Roles.TEAMS_CLAIM));
        assertEquals(InternalTokens.ISSUER, claims.getIssuer());
        assertEquals(List.of(InternalTokens.AUDIENCE), claims.getAudience());
        assertEquals(60, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void carriesTheVerifiedCustomerOfACustomerAppAndNeverMixesCustomersUp() throws Exception {
        InternalTokens tokens = new InternalTokens(Optional.of(pem(KEYS)), "gateway", Duration.ofSeconds(60));
        JwtClaims c1 = consumer().processToClaims(tokens.token("key-1", Roles.CUSTOMER_APP, List.of(), "c-1", true));
        JwtClaims c2 = consumer().processToClaims(tokens.token("key-1", Roles.CUSTOMER_APP, List.of(), "c-2", true));
        assertEquals("c-1", c1.getStringClaimValue(Roles.CUSTOMER_CLAIM));
        assertEquals("c-2", c2.getStringClaimValue(Roles.CUSTOMER_CLAIM), "the cache keeps customers apart");
        assertEquals(Boolean.TRUE, c1.getClaimValue(Roles.IDENTITY_REQUIRED_CLAIM));
        JwtClaims none = consumer().processToClaims(tokens.token("key-1", Roles.CUSTOMER_APP, List.of()));
        assertTrue(!none.hasClaim(Roles.CUSTOMER_CLAIM) && !none.hasClaim(Roles.IDENTITY_REQUIRED_CLAIM),
                "no customer proved, no claim: " + none);
    }

    @Test
    void reusesATokenForHalfItsLifeOnly() {
        MutableClock clock = new MutableClock();
        InternalTokens tokens = new InternalTokens(Optional.of(pem(KEYS)), "service", Duration.ofSeconds(60), clock);
        String first = tokens.serviceToken("ticket-service");
        clock.now = clock.now.plusSeconds(29);
        assertEquals(first, tokens.serviceToken("ticket-service"));
        assertNotEquals(first, tokens.token("ticket-service", Roles.ADMIN, List.of()), "another role, another token");
        clock.now = clock.now.plusSeconds(2);
        assertNotEquals(first, tokens.serviceToken("ticket-service"));
    }

    @Test
    void signsOnlyAsTheGatewayOrAsAService() {
        assertThrows(IllegalArgumentException.class, () -> new InternalTokens(Optional.of(pem(KEYS)), "admin", Duration.ofSeconds(60)));
    }

    @Test
    void refusesToSignWithoutAKeyAndNeverEchoesTheKey() {
        InternalTokens none = new InternalTokens(Optional.empty(), "gateway", Duration.ofSeconds(60));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> none.serviceToken("x"));
        assertTrue(missing.getMessage().contains("INTERNAL_JWT_PRIVATE_KEY"));
        InternalTokens bad = new InternalTokens(Optional.of("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----"),
                "gateway", Duration.ofSeconds(60));
        IllegalStateException invalid = assertThrows(IllegalStateException.class, () -> bad.serviceToken("x"));
        assertTrue(!invalid.getMessage().contains("c2VjcmV0"));
    }

    private static JwtConsumer consumer() {
        return new JwtConsumerBuilder().setVerificationKey(KEYS.getPublic()).setExpectedIssuer(InternalTokens.ISSUER)
                .setExpectedAudience(InternalTokens.AUDIENCE).setRequireExpirationTime().build();
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
