package dev.vocloop.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.vocloop.gateway.StubServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(UnavailableServiceTest.SurveyServiceDown.class)
class UnavailableServiceTest {

    /** survey-service points at a port where nothing listens. */
    public static class SurveyServiceDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vocloop.gateway.services.survey.url", "http://127.0.0.1:" + freePort());
        }
    }

    @Test
    void downServiceGives502Quickly() {
        given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY)
                .contentType("application/json").body("{\"score\":9}")
                .when().post("/api/v1/surveys")
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
