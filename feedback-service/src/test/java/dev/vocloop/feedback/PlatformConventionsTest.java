package dev.vocloop.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(dev.vocloop.feedback.delivery.TicketServiceStub.class)
class PlatformConventionsTest {

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
