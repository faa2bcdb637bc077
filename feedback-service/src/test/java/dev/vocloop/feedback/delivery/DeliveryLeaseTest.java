package dev.vocloop.feedback.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.vocloop.feedback.Eventually;
import dev.vocloop.feedback.items.FeedbackRepository;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Claims by other relays (replicas): a live lease is respected, an expired one is taken over. */
@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class DeliveryLeaseTest {

    @Inject
    FeedbackRepository repository;

    @ConfigProperty(name = "test.ticket-stub.url")
    String stubUrl;

    @Test
    void respectsALiveLeaseAndTakesOverAnExpiredOne() throws InterruptedException {
        // Stored as not actionable, then turned into a hand-over that another replica holds with a live lease.
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "Love the new map screen, thank you"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        repository.collection().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("loopStatus", "PENDING"),
                Updates.set("delivery", new org.bson.Document("state", "IN_FLIGHT").append("attempts", 1)
                        .append("nextAttemptAt", new Date()).append("leaseOwner", "relay-other")
                        .append("leaseUntil", Date.from(Instant.now().plusSeconds(3600))))));
        Thread.sleep(1500);
        assertEquals(0, calls(id), "nobody sends an item another relay holds");
        assertEquals("PENDING", given().get("/api/v1/feedback/" + id).then().extract().path("loopStatus"));

        // The other replica died: its lease expires and ours takes the item over.
        repository.collection().updateOne(Filters.eq("_id", id),
                Updates.set("delivery.leaseUntil", Date.from(Instant.now().minusSeconds(1))));
        Eventually.await(Duration.ofSeconds(10),
                () -> given().get("/api/v1/feedback/" + id).then().extract().<String>path("loopStatus"), "TICKET_OPEN"::equals);
    }

    private int calls(String id) {
        return given().baseUri(stubUrl).queryParam("key", "feedback:" + id).get("/_stub/calls").then().extract().path("calls");
    }
}
