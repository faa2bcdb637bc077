package dev.vocloop.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * The conventions of every service behind the gateway, plus its defence in depth (CONTRACT.md,
 * Internal tokens): nothing is answered without a valid internal token, whatever identity headers
 * a client sends, and roles are checked by the service itself. Each service runs these by a
 * {@code @QuarkusTest} subclass that names its stores, {@link InternalJwtResource} (which then
 * applies to all the module's tests) and one of its protected read routes.
 */
public abstract class BehindGatewayContract extends ServiceConventionsContract {

    /** A GET route of the service that a CUSTOMER (link holder) may not call and ADMIN may. */
    protected abstract String protectedPath();

    @Test
    void adminTokenIsAccepted() {
        given().header(TestTokens.as("ADMIN")).when().get(protectedPath()).then().statusCode(200);
    }

    @Test
    void callWithoutTokenIs401() {
        // What a client reaching the service past the gateway gets, even with the old identity headers.
        given().header(TestTokens.anonymous()).header("X-Vocloop-Role", "ADMIN").when().get(protectedPath())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        given().header(TestTokens.forged()).when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void callerRoleSignedWithTheServicesKeyIs401() {
        // A service that leaked its key still cannot act as an admin.
        given().header(TestTokens.wrongKeyFor("ADMIN")).when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void serviceRoleOnlyFromTheServicesKey() {
        given().header(TestTokens.wrongKeyFor("SERVICE")).when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
        // The same role from the right key is authenticated (whether this route grants it is another matter).
        given().header(TestTokens.as("SERVICE")).when().get(protectedPath())
                .then().statusCode(not(401));
    }

    @Test
    void keyIdThatNamesAnotherKeyIs401() {
        given().header(TestTokens.lyingKeyId("ADMIN")).when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIs401() {
        given().header(TestTokens.expired()).when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void garbageTokenIs401() {
        given().header("Authorization", "Bearer not-a-jwt").when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void roleWithoutGrantIs403() {
        given().header(TestTokens.as("CUSTOMER")).when().get(protectedPath())
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
