package dev.vocloop.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.jose4j.jwt.JwtClaims;
import java.util.List;
import dev.vocloop.testing.TestTokens;
import dev.vocloop.gateway.StubServices;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    @Test
    void missingKeyIs401WithBearerChallenge() {
        given().when().get("/api/v1/tickets")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"vocloop\"")
                .header("X-Stub", nullValue())
                .body("status", equalTo(401));
    }

    @Test
    void unknownKeyIs401() {
        given().header("Authorization", "Bearer vlk_not-a-real-key").when().get("/api/v1/tickets")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"vocloop\"").header("X-Stub", nullValue());
        given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY + "x").when().get("/api/v1/tickets")
                .then().statusCode(401);
    }

    @Test
    void otherSchemesAre401() {
        given().header("Authorization", "Basic " + StubServices.ADMIN_KEY).when().get("/api/v1/tickets")
                .then().statusCode(401);
        given().header("Authorization", "Bearer").when().get("/api/v1/tickets")
                .then().statusCode(401);
    }

    @Test
    void bootstrapAdminKeyIsAccepted() throws Exception {
        String sent = given().header("Authorization", "bearer " + StubServices.ADMIN_KEY).when().get("/api/v1/tickets")
                .then().statusCode(200).extract().path("headers.authorization");
        assertEquals(List.of("ADMIN"), TestTokens.verify(sent).getStringListClaimValue("groups"));
    }

    @Test
    void tokenRoutesNeedNoKeyAndCarryTheTokenSubject() throws Exception {
        String sent = given().contentType("application/json").body("{\"solved\":true,\"rating\":5}")
                .when().post("/api/v1/follow-ups/tok-123/answer")
                .then().statusCode(201)
                .body("service", equalTo("survey"))
                .extract().path("headers.authorization");
        JwtClaims claims = TestTokens.verify(sent);
        assertEquals("token", claims.getSubject());
        assertEquals(List.of("CUSTOMER"), claims.getStringListClaimValue("groups"));
        given().contentType("application/json").body("{\"token\":\"t\",\"score\":9}")
                .when().post("/api/v1/survey-responses")
                .then().statusCode(201).body("service", equalTo("survey"));
    }

    @Test
    void aWrongKeyOnAPublicRouteIsStill401() {
        given().header("Authorization", "Bearer vlk_wrong").contentType("application/json").body("{}")
                .when().post("/api/v1/survey-responses")
                .then().statusCode(401);
    }

    @Test
    void aFollowUpPageOpensByTokenButListsNeedAKey() {
        given().when().get("/api/v1/follow-ups/tok-123").then().statusCode(200).body("uri", equalTo("/api/v1/follow-ups/tok-123"));
        given().when().get("/api/v1/follow-ups/tok-123/answer").then().statusCode(401);
        given().when().get("/api/v1/follow-ups?ticketId=t-1").then().statusCode(401);
        given().when().get("/api/v1/survey-responses").then().statusCode(401);
    }
}
