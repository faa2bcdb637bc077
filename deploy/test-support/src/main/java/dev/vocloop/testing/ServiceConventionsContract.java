package dev.vocloop.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/**
 * What every service promises alike (DESIGN.md, Public API): problem+json errors, readiness,
 * the request id passed on. Each service runs these by a {@code @QuarkusTest} subclass that names
 * its own stores.
 */
public abstract class ServiceConventionsContract {

    @Test
    void unknownPathIsProblemJson404() {
        given().when().get("/api/v1/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", notNullValue());
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void echoesRequestId() {
        given().header("X-Request-Id", "abc-123").when().get("/q/health/live")
                .then().statusCode(200);
        given().header("X-Request-Id", "abc-123").when().get("/api/v1/no-such-resource")
                .then().header("X-Request-Id", equalTo("abc-123"));
    }
}
