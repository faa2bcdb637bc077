package dev.vocloop.ticket.tickets;

import dev.vocloop.testing.TestTokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.commons.Ids;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.ticket.support.Feedback;
import dev.vocloop.ticket.support.Poll;
import dev.vocloop.ticket.support.SurveyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SurveyStub.class)
class TicketLoopTest {

    @Test
    void sameFeedbackTwiceIsOneTicketAndTheRepeatGetsTheFirstAnswer() {
        String fid = Ids.newId();
        String body = Feedback.body(fid, "c-" + Ids.newId(), "BILLING", "P2", "钱扣了但订单没有");
        String ticketId = Feedback.send(body, "feedback:" + fid).statusCode(201)
                .body("team", equalTo("support")).body("status", equalTo("NEW")).body("priority", equalTo("P2"))
                .body("merged", equalTo(false)).extract().path("ticketId");
        Feedback.send(body, "feedback:" + fid).statusCode(201).body("ticketId", equalTo(ticketId));
        // without the header, the feedback id alone still finds the same ticket
        Feedback.send(body, null).statusCode(201).body("ticketId", equalTo(ticketId));
        Feedback.send(body, "another-key-" + fid).statusCode(200).body("ticketId", equalTo(ticketId));

        given().queryParam("feedbackId", fid).when().get("/api/v1/tickets").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(ticketId))
                .body("items[0].feedbackIds", contains(fid)).body("items[0].team", equalTo("support"))
                .body("items[0].sla.resolutionDue", notNullValue());
    }

    @Test
    void feedbackOfTheSameCustomerAndTopicJoinsTheOpenTicket() {
        String customer = "c-" + Ids.newId();
        String first = Ids.newId();
        String second = Ids.newId();
        String ticketId = Feedback.send(Feedback.body(first, customer, "DELIVERY", "P3", "still not delivered"), null)
                .statusCode(201).extract().path("ticketId");
        Feedback.send(Feedback.body(second, customer, "DELIVERY", "P3", "where is my parcel"), null)
                .statusCode(200).body("ticketId", equalTo(ticketId)).body("merged", equalTo(true));
        // another topic opens its own ticket
        String other = Feedback.send(Feedback.body(Ids.newId(), customer, "BILLING", "P3", "charged twice"), null)
                .statusCode(201).extract().path("ticketId");
        assertTrue(!other.equals(ticketId));

        given().when().get("/api/v1/tickets/" + ticketId).then().statusCode(200)
                .body("feedbackIds", contains(first, second));
    }

    @Test
    void concurrentDeliveriesOfOneFeedbackMakeOneTicket() throws Exception {
        String fid = Ids.newId();
        String body = Feedback.body(fid, "c-" + Ids.newId(), "ACCOUNT", "P3", "无法登录");
        List<Thread> threads = new java.util.ArrayList<>();
        List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> ids.add(Feedback.send(body, "feedback:" + fid).extract().path("ticketId")));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(6, ids.size());
        assertEquals(1, ids.stream().distinct().count(), "all deliveries name one ticket: " + ids);
        given().queryParam("feedbackId", fid).when().get("/api/v1/tickets").then().body("items", hasSize(1));
    }

    @Test
    void resolvingSendsOneFollowUpWithTheKeyAndTheCustomer() {
        String ticketId = Feedback.newTicket("PERFORMANCE", "P3");
        given().contentType("application/json").body("{\"resolution\":\"修复了闪退问题\"}")
                .when().post("/api/v1/tickets/" + ticketId + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("resolutionCount", equalTo(1));

        Poll.until(Duration.ofSeconds(10), "the follow-up", () -> !SurveyStub.forTicket(ticketId).isEmpty());
        List<SurveyStub.Received> received = SurveyStub.forTicket(ticketId);
        assertEquals("ticket:" + ticketId + ":resolution:1", received.get(0).idempotencyKey());
        assertTrue(received.get(0).body().contains("\"customer\":{\"id\":\"c-"), received.get(0).body());
        assertTrue(received.get(0).body().contains("\"channel\":\"EMAIL\""));
        assertTrue(received.get(0).body().contains("\"feedbackIds\":[\""));
        assertTrue(received.get(0).body().contains("修复了闪退问题"));
        Poll.until(Duration.ofSeconds(5), "the delivery to be recorded", () -> outboxState("ticket:" + ticketId + ":resolution:1").equals("DELIVERED"));
        assertEquals(1, SurveyStub.forTicket(ticketId).size(), "sent once");
    }

    @Test
    void followUpIsRedeliveredAfterSurveyServiceFails() {
        String ticketId = Feedback.newTicket("USABILITY", "P4");
        SurveyStub.FAIL_NEXT.set(3);
        given().contentType("application/json").body("{\"resolution\":\"done\"}")
                .when().post("/api/v1/tickets/" + ticketId + "/resolve").then().statusCode(200);
        Poll.until(Duration.ofSeconds(20), "the redelivery", () -> outboxState("ticket:" + ticketId + ":resolution:1").equals("DELIVERED"));
        List<SurveyStub.Received> received = SurveyStub.forTicket(ticketId);
        assertEquals(4, received.size(), "three failures then one success");
        assertTrue(received.stream().allMatch(r -> r.idempotencyKey().equals("ticket:" + ticketId + ":resolution:1")));
    }

    @Test
    void refusedFollowUpIsParkedListedAndRetriedByAnAdmin() {
        String ticketId = Feedback.newTicket("SUPPORT", "P4");
        SurveyStub.REJECT_NEXT.set(1);
        given().contentType("application/json").body("{\"resolution\":\"done\"}")
                .when().post("/api/v1/tickets/" + ticketId + "/resolve").then().statusCode(200);
        String key = "ticket:" + ticketId + ":resolution:1";
        Poll.until(Duration.ofSeconds(10), "parking", () -> outboxState(key).equals("FAILED"));
        String id = given().queryParam("state", "FAILED").when().get("/api/v1/admin/tickets/outbox").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.idempotencyKey == '" + key + "' }.id");
        given().when().post("/api/v1/admin/tickets/outbox/" + id + "/retry").then().statusCode(200);
        Poll.until(Duration.ofSeconds(10), "the retried delivery", () -> outboxState(key).equals("DELIVERED"));
        assertEquals(2, SurveyStub.forTicket(ticketId).size());
        given().when().post("/api/v1/admin/tickets/outbox/" + id + "/retry").then().statusCode(409);
        given().queryParam("state", "NOPE").when().get("/api/v1/admin/tickets/outbox").then().statusCode(400);
    }

    @Test
    void followUpOutcomesCloseReopenOrCloseUnconfirmed() {
        assertEquals("CLOSED", resolveThenOutcome("SOLVED"));
        assertEquals("CLOSED_UNCONFIRMED", resolveThenOutcome("EXPIRED"));
        String reopened = Feedback.newTicket("BILLING", "P2");
        resolve(reopened);
        outcome(reopened, "NOT_SOLVED", "fu-" + reopened).statusCode(200).body("status", equalTo("REOPENED"));
        given().when().get("/api/v1/tickets/" + reopened).then()
                .body("reopenCount", equalTo(1)).body("sla.resolutionDue", notNullValue())
                .body("sla.resolutionLeftSeconds", org.hamcrest.Matchers.greaterThan(0));
        // the same outcome again is answered the same and changes nothing
        outcome(reopened, "NOT_SOLVED", "fu-" + reopened).statusCode(200).body("status", equalTo("REOPENED"));
        given().when().get("/api/v1/tickets/" + reopened).then().body("reopenCount", equalTo(1));
        // an outcome for a ticket that is not resolved is a conflict
        outcome(reopened, "SOLVED", "fu-other-" + reopened).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("REOPENED"));
        outcome("no-such-ticket", "SOLVED", "fu-x-" + Ids.newId()).statusCode(404);
    }

    @Test
    void badHandOversAre4xxProblems() {
        Feedback.send("{\"channel\":\"IN_APP\"}", null).statusCode(400).contentType("application/problem+json");
        Feedback.send("{not json", null).statusCode(400).contentType("application/problem+json");
        Feedback.send(Feedback.body(Ids.newId(), "c-1", "BILLING", "P9", "x"), null).statusCode(400)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{\"followUpId\":\"f\",\"outcome\":\"MAYBE\"}")
                .when().post("/internal/tickets/x/follow-up-outcome").then().statusCode(400);
        // Hand-overs are for services only: not even an admin's token opens them.
        given().header(TestTokens.as("ADMIN")).contentType("application/json")
                .body(Feedback.body(Ids.newId(), "c-1", "BILLING", "P3", "x"))
                .when().post("/internal/tickets/from-feedback").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{\"resolution\":\"\"}")
                .when().post("/api/v1/tickets/" + Feedback.newTicket("OTHER", "P4") + "/resolve").then().statusCode(400);
        given().when().get("/api/v1/tickets/no-such-id").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("feedbackId", "a\u0000b").when().get("/api/v1/tickets").then().statusCode(400);
    }

    @Test
    void aStrayNulInTheTextDoesNotBounceTheHandOver() {
        String fid = Ids.newId();
        String ticketId = Feedback.send(Feedback.body(fid, "c-" + Ids.newId(), "OTHER", "P4", "bad\\u0000byte"), null)
                .statusCode(201).extract().path("ticketId");
        given().when().get("/api/v1/tickets/" + ticketId).then().statusCode(200).body("text", equalTo("badbyte"));
    }

    private String resolveThenOutcome(String outcome) {
        String id = Feedback.newTicket("OTHER", "P3");
        resolve(id);
        return outcome(id, outcome, "fu-" + id).statusCode(200).extract().path("status");
    }

    private static void resolve(String id) {
        given().contentType("application/json").body("{\"resolution\":\"fixed\"}")
                .when().post("/api/v1/tickets/" + id + "/resolve").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse outcome(String ticketId, String outcome, String followUpId) {
        return given().contentType("application/json").header("Idempotency-Key", "follow-up:" + followUpId + ":outcome")
                .body("{\"followUpId\":\"" + followUpId + "\",\"outcome\":\"" + outcome + "\",\"rating\":4,\"at\":\"2026-11-28T10:00:00Z\"}")
                .when().post("/internal/tickets/" + ticketId + "/follow-up-outcome").then();
    }

    private static String outboxState(String key) {
        for (String state : List.of("DELIVERED", "FAILED", "PENDING")) {
            List<String> keys = given().queryParam("state", state).queryParam("limit", 500).when().get("/api/v1/admin/tickets/outbox")
                    .then().statusCode(200).extract().jsonPath().getList("items.idempotencyKey");
            if (keys.contains(key)) {
                return state;
            }
        }
        return "NONE";
    }
}
