package dev.vocloop.feedback.loop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.vocloop.feedback.Eventually;
import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class LoopOutcomeTest {

    @Test
    void closesAndReopensTheLoopOncePerKey() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "The export button crashes the app"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        Eventually.await(Duration.ofSeconds(10),
                () -> given().get("/api/v1/feedback/" + id).then().extract().<String>path("loopStatus"), "TICKET_OPEN"::equals);

        String closed = "{\"feedbackIds\":[\"" + id + "\",\"unknown\"],\"ticketId\":\"t-" + id + "\",\"outcome\":\"CLOSED\",\"rating\":5}";
        outcome("follow-up:f1:loop", closed).body("updated", equalTo(1));
        given().get("/api/v1/feedback/" + id).then().body("loopStatus", equalTo("CLOSED"));

        String reopened = closed.replace("\"CLOSED\"", "\"REOPENED\"");
        outcome("follow-up:f2:loop", reopened).body("updated", equalTo(1));
        // A late repeat of the first outcome answers as before and does not undo the newer one.
        outcome("follow-up:f1:loop", closed).body("updated", equalTo(1));
        given().get("/api/v1/feedback/" + id).then().body("loopStatus", equalTo("REOPENED"));
    }

    @Test
    void rejectsUnknownOutcome() {
        given().contentType(ContentType.JSON).body("{\"feedbackIds\":[\"x\"],\"outcome\":\"MAYBE\"}")
                .post("/internal/feedback/loop-outcome").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"feedbackIds\":[],\"outcome\":\"CLOSED\"}")
                .post("/internal/feedback/loop-outcome").then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse outcome(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/internal/feedback/loop-outcome").then().statusCode(200);
    }
}
