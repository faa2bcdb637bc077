package dev.vocloop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.vocloop.gateway.StubServices;
import dev.vocloop.testing.InternalJwtResource;
import dev.vocloop.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
@QuarkusTestResource(value = InternalJwtResource.class, initArgs = @ResourceArg(name = "defaultToken", value = "false"))
class ForwardingTest {

    private static final String ADMIN = "Bearer " + StubServices.ADMIN_KEY;

    @Test
    void forwardsBodyQueryAndHeadersToTheOwningService() {
        given().header("Authorization", ADMIN)
                .header("Idempotency-Key", "k-1")
                .contentType("application/json")
                .body("{\"channel\":\"IN_APP\",\"text\":\"支付的时候app闪退了\"}")
                .when().post("/api/v1/feedback?dryRun=true")
                .then().statusCode(201)
                .header("X-Stub", "feedback")
                .body("service", equalTo("feedback"))
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/feedback?dryRun=true"))
                .body("body", equalTo("{\"channel\":\"IN_APP\",\"text\":\"支付的时候app闪退了\"}"))
                .body("headers.idempotency-key", equalTo("k-1"))
                .body("headers.content-type", startsWith("application/json"));
    }

    @Test
    void setsIdentityAndForwardedHeadersAndStripsClientSentOnes() {
        given().header("Authorization", ADMIN)
                .header("X-Vocloop-Role", "ADMIN")
                .header("X-Vocloop-Teams", "billing")
                .header("X-Vocloop-Anything", "x")
                .header("X-Forwarded-For", "10.9.8.7")
                .when().get("/api/v1/tickets")
                .then().statusCode(200)
                .body("service", equalTo("ticket"))
                .body("headers", not(hasKey("x-vocloop-role")))
                .body("headers", not(hasKey("x-vocloop-teams")))
                .body("headers", not(hasKey("x-vocloop-anything")))
                .body("headers.authorization", startsWith("Bearer "))
                .body("headers.x-forwarded-for", equalTo("10.9.8.7, 127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", matchesPattern("localhost:\\d+"));
    }

    @Test
    void sendsTheCallerAsASignedInternalTokenInsteadOfTheKey() throws Exception {
        String authorization = given().header("Authorization", ADMIN).when().get("/api/v1/tickets")
                .then().statusCode(200).extract().path("headers.authorization");
        assertFalse(authorization.contains(StubServices.ADMIN_KEY), "the API key left the gateway");
        JwtClaims claims = TestTokens.verify(authorization);
        assertEquals("admin", claims.getSubject());
        assertEquals(List.of("ADMIN"), claims.getStringListClaimValue("groups"));
        assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() <= 60, "short-lived");

        // a customer without a key, answering by link, is vouched for as CUSTOMER
        String customer = given().contentType("application/json").body("{\"token\":\"t\",\"score\":9}")
                .when().post("/api/v1/survey-responses").then().extract().path("headers.authorization");
        JwtClaims holder = TestTokens.verify(customer);
        assertEquals(List.of("CUSTOMER"), holder.getStringListClaimValue("groups"));
    }

    @Test
    void passesOnTheRequestIdAndReturnsIt() {
        given().header("Authorization", ADMIN).header("X-Request-Id", "req-42")
                .when().get("/api/v1/surveys")
                .then().statusCode(200)
                .header("X-Request-Id", "req-42")
                .body("headers.x-request-id", equalTo("req-42"));
    }

    @Test
    void createsARequestIdWhenNoneIsSent() {
        String id = given().header("Authorization", ADMIN)
                .when().get("/api/v1/surveys")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().header("Authorization", ADMIN).when().get("/api/v1/surveys")
                .then().header("X-Request-Id", not(equalTo(id)));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/feedback/stats, feedback",
            "/api/v1/classifier/model, feedback",
            "/api/v1/admin/feedback/deliveries, feedback",
            "/api/v1/tickets/t-1/history, ticket",
            "/api/v1/teams, ticket",
            "/api/v1/routing-rules, ticket",
            "/api/v1/sla-policies/p-1, ticket",
            "/api/v1/admin/tickets/outbox, ticket",
            "/api/v1/surveys/s-1, survey",
            "/api/v1/survey-responses/r-1, survey",
            "/api/v1/follow-ups, survey",
            "/api/v1/customers/c-1/pending-surveys, survey",
            "/api/v1/nps/trend, survey",
            "/api/v1/unsubscribe/tok, survey",
            "/api/v1/admin/surveys/outbox, survey"})
    void routesEachPrefixToItsService(String path, String service) {
        given().header("Authorization", ADMIN).when().get(path)
                .then().statusCode(200).body("service", equalTo(service)).body("uri", equalTo(path));
    }

    @Test
    void pathsThatOnlyStartLikeARouteAreNotForwarded() {
        given().header("Authorization", ADMIN).when().get("/api/v1/feedbackx")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().get("/api/v1/admin/other/x")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void internalPathsAreNeverReachable() {
        given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .when().post("/internal/tickets/from-feedback")
                .then().statusCode(404).contentType("application/problem+json").header("X-Stub", nullValue());
        given().header("Authorization", ADMIN).urlEncodingEnabled(false)
                .when().get("/api/v1/feedback/../../../internal/feedback")
                .then().statusCode(404).header("X-Stub", nullValue());
    }

    @Test
    void slowServiceGives504Quickly() {
        given().header("Authorization", ADMIN)
                .when().get("/api/v1/tickets/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .time(lessThan(4_500L), TimeUnit.MILLISECONDS);
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        given().header("Authorization", ADMIN).when().get("/api/v1/tickets")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Cache-Control", "no-store");
        given().when().get("/api/v1/tickets")
                .then().statusCode(401).header("X-Content-Type-Options", "nosniff");
        given().when().get("/q/health/live")
                .then().statusCode(200).header("X-Frame-Options", "DENY");
    }
}
