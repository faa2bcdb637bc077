package dev.vocloop.survey.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.survey.support.Eventually;
import dev.vocloop.survey.support.HandOverStub;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.testing.SmtpResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(HandOverStub.class)
class OutboxRelayTest {

    @Inject
    EntityManager em;


    private OutboxMessage row(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = OutboxMessage.<OutboxMessage>find("idempotencyKey", key).firstResult();
            if (m != null) {
                em.detach(m);
            }
            return m;
        });
    }

    private OutboxMessage awaitStatus(String key, OutboxMessage.Status status) {
        return Eventually.await(key + " " + status, Duration.ofSeconds(20), () -> row(key), m -> m != null && m.status == status);
    }

    @Test
    void receiverOutageIsRetriedWithTheSameKeyUntilDelivered() {
        String ticket = "t-" + UUID.randomUUID().toString().substring(0, 8);
        HandOverStub.script("/internal/tickets/" + ticket + "/follow-up-outcome", 503, 500, 200);
        String id = answeredFollowUpFor(ticket);
        String key = "follow-up:" + id + ":outcome";

        OutboxMessage delivered = awaitStatus(key, OutboxMessage.Status.DELIVERED);
        assertEquals(3, HandOverStub.callsWithKey(key).size(), "two failures, then the delivery");
        assertEquals(3, delivered.attempts, "failed attempts were recorded");
        assertEquals(200, delivered.lastStatus);
        assertTrue(HandOverStub.callsWithKey(key).stream().allMatch(c -> c.body().contains("\"SOLVED\"")));
    }

    private static String answeredFollowUpFor(String ticket) {
        String id = given().contentType("application/json")
                .body("""
                        {"ticketId":"%s","resolutionCount":1,"feedbackIds":["fb-1"],"customer":{"id":"c-ob"},
                         "resolution":"done","channel":"IN_APP"}""".formatted(ticket))
                .when().post("/internal/follow-ups").then().statusCode(201).extract().path("id");
        String url = given().queryParam("ticketId", ticket).when().get("/api/v1/follow-ups").then().statusCode(200)
                .extract().path("items[0].url");
        given().contentType("application/json").body("{\"solved\":true,\"rating\":4}")
                .when().post("/api/v1/follow-ups/" + url.substring(url.lastIndexOf('/') + 1) + "/answer").then().statusCode(200);
        return id;
    }

    @Test
    void refusalIsParkedAtOnceListedCountedAndRetryable() {
        String ticket = "t-" + UUID.randomUUID().toString().substring(0, 8);
        HandOverStub.script("/internal/tickets/" + ticket + "/follow-up-outcome", 422, 200);
        String id = answeredFollowUpFor(ticket);
        String key = "follow-up:" + id + ":outcome";

        OutboxMessage parked = awaitStatus(key, OutboxMessage.Status.FAILED);
        assertEquals(1, parked.attempts, "a 4xx answer is final, not retried");
        assertEquals(422, parked.lastStatus);
        given().queryParam("state", "FAILED").when().get("/api/v1/admin/surveys/outbox").then().statusCode(200)
                .body("items.id", hasItem(parked.id));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("vocloop_survey_outbox_parked_total{kind=\"TICKET_FOLLOW_UP_OUTCOME\",receiver=\"ticket-service\"}"));

        given().when().post("/api/v1/admin/surveys/outbox/" + parked.id + "/retry").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        awaitStatus(key, OutboxMessage.Status.DELIVERED);
        assertEquals(2, HandOverStub.callsWithKey(key).size());

        given().when().post("/api/v1/admin/surveys/outbox/" + parked.id + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
        given().when().post("/api/v1/admin/surveys/outbox/no-such-id/retry").then().statusCode(404);
        given().queryParam("state", "BOGUS").when().get("/api/v1/admin/surveys/outbox").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void endlessOutageParksAfterMaxAttempts() {
        String ticket = "t-" + UUID.randomUUID().toString().substring(0, 8);
        HandOverStub.script("/internal/tickets/" + ticket + "/follow-up-outcome", 500);
        String id = answeredFollowUpFor(ticket);
        OutboxMessage parked = awaitStatus("follow-up:" + id + ":outcome", OutboxMessage.Status.FAILED);
        assertEquals(4, parked.attempts, "vocloop.outbox.max-attempts in the test profile");
        assertEquals("receiver answered 500", parked.lastError);
        // the other hand-over of the same answer is unaffected
        awaitStatus("follow-up:" + id + ":loop", OutboxMessage.Status.DELIVERED);
    }
}
