package dev.vocloop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.vocloop.gateway.StubServices;
import dev.vocloop.gateway.TightProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** feedback-service is down in this profile. */
@QuarkusTest
@TestProfile(TightProfile.class)
class UnavailableServiceTest {

    @Test
    void downServiceGives502Quickly() {
        given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY)
                .contentType("application/json").body("{\"text\":\"hi\"}")
                .when().post("/api/v1/feedback")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("title", equalTo("Bad gateway"))
                .time(lessThan(2_000L), TimeUnit.MILLISECONDS);
    }

    @Test
    void otherServicesStillAnswer() {
        given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY)
                .when().get("/api/v1/tickets")
                .then().statusCode(200).body("service", equalTo("ticket"));
    }
}
