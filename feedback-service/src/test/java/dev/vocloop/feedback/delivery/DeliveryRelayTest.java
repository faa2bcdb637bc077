package dev.vocloop.feedback.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocloop.feedback.Eventually;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class DeliveryRelayTest {

    @ConfigProperty(name = "test.ticket-stub.url")
    String stubUrl;

    private String submit(String text) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", text, "customer", Map.of("id", "c-1")))
                .when().post("/api/v1/feedback")
                .then().statusCode(201).body("loopStatus", equalTo("PENDING"))
                .extract().path("id");
    }

    private String loopStatusOf(String id) {
        return given().get("/api/v1/feedback/" + id).then().statusCode(200).extract().path("loopStatus");
    }

    private int callsOf(String id) {
        return given().baseUri(stubUrl).queryParam("key", "feedback:" + id).get("/_stub/calls")
                .then().statusCode(200).extract().path("calls");
    }

    private int badRequests() {
        return given().baseUri(stubUrl).get("/_stub/calls").then().extract().path("badRequests");
    }

    @Test
    void handsBugOverToTicketServiceWithIdempotencyKey() {
        String id = submit("The app crashes every time I open the checkout page");
        Eventually.await(Duration.ofSeconds(10), () -> loopStatusOf(id), "TICKET_OPEN"::equals);
        given().get("/api/v1/feedback/" + id).then()
                .body("ticketId", equalTo("t-" + id))
                .body("team", equalTo("support"));
        assertEquals(1, callsOf(id), "one hand-over when ticket-service is up");
        assertEquals(0, badRequests(), "every hand-over carried Idempotency-Key feedback:<id>");
        given().get("/api/v1/feedback?ticketId=t-" + id).then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void retriesAfterTicketServiceFailsAndKeepsTheSameKey() {
        // Four 503s: the client's own retries (3 calls) are used up, so the relay must come back later.
        String id = submit("Login is broken, the app crashes after the update [fail-4]");
        Eventually.await(Duration.ofSeconds(15), () -> loopStatusOf(id), "TICKET_OPEN"::equals);
        assertEquals(5, callsOf(id), "four failed calls and one success, all with the same Idempotency-Key");
        assertEquals(0, badRequests());
    }

    @Test
    void parksFailedHandOverAndAdminRetryDeliversIt() {
        // max-attempts is 3 in tests, each attempt makes 3 calls: nine 503s park it.
        String id = submit("The app crashes on startup, nothing works [fail-9]");
        Eventually.await(Duration.ofSeconds(15), () -> given().get("/api/v1/admin/feedback/deliveries?state=FAILED")
                .then().statusCode(200).extract().jsonPath().getList("items.feedbackId"), l -> l.contains(id));
        assertEquals("PENDING", loopStatusOf(id), "a parked hand-over keeps the loop pending");
        assertEquals(9, callsOf(id));

        given().post("/api/v1/admin/feedback/deliveries/" + id + "/retry").then().statusCode(200)
                .body("state", equalTo("PENDING")).body("attempts", equalTo(0));
        Eventually.await(Duration.ofSeconds(10), () -> loopStatusOf(id), "TICKET_OPEN"::equals);
        assertEquals(10, callsOf(id));
        given().post("/api/v1/admin/feedback/deliveries/" + id + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
        given().post("/api/v1/admin/feedback/deliveries/no-such-id/retry").then().statusCode(404);
    }

    @Test
    void refusalIsParkedAtOnceWithoutRetries() {
        String id = submit("The app crashes when I upload a photo [reject]");
        Eventually.await(Duration.ofSeconds(10), () -> given().get("/api/v1/admin/feedback/deliveries?state=FAILED")
                .then().extract().jsonPath().getList("items.feedbackId"), l -> l.contains(id));
        assertEquals(1, callsOf(id), "a 422 is an answer, not an outage");
    }

    @Test
    void praiseIsNotHandedOver() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "I love this app, great work, thank you!"))
                .post("/api/v1/feedback").then().statusCode(201)
                .body("loopStatus", equalTo("NOT_ACTIONABLE")).body("intent", equalTo("PRAISE"))
                .extract().path("id");
        assertEquals(0, callsOf(id));
    }

    @Test
    void rejectsUnknownDeliveryState() {
        given().get("/api/v1/admin/feedback/deliveries?state=LOST").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
