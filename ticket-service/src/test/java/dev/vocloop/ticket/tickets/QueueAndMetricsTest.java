package dev.vocloop.ticket.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocloop.testing.PostgresResource;
import dev.vocloop.ticket.support.Api;
import dev.vocloop.ticket.support.SurveyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SurveyStub.class)
class QueueAndMetricsTest {

    @Test
    void queueOrdersByPriorityThenByTheFirstDeadline() {
        String team = Api.team("queue");
        String answered = Api.ticket(team, "P3");
        // answered: its next deadline is the resolution (3 business days), later than a fresh first response
        given().contentType("application/json").body("{\"body\":\"on it\",\"visibility\":\"PUBLIC\"}")
                .when().post("/api/v1/tickets/" + answered + "/comments").then().statusCode(201);
        String waiting = Api.ticket(team, "P3");
        Api.status(waiting, "OPEN").statusCode(200);
        Api.status(waiting, "WAITING_ON_CUSTOMER").statusCode(200);
        String fresh = Api.ticket(team, "P3");
        String urgent = Api.ticket(team, "P1");
        String low = Api.ticket(team, "P4");
        String done = Api.ticket(team, "P1");
        Api.status(done, "RESOLVED").statusCode(200);

        List<String> order = given().when().get("/api/v1/teams/" + team + "/queue").then().statusCode(200)
                .body("items[0].sla.firstResponseLeftSeconds", greaterThan(0))
                .body("items[0].sla.resolutionLeftSeconds", greaterThan(0))
                .extract().jsonPath().getList("items.id");
        assertEquals(List.of(urgent, fresh, answered, waiting, low), order);
        given().when().get("/api/v1/teams/no-such-team/queue").then().statusCode(404);
        given().queryParam("limit", 0).when().get("/api/v1/teams/" + team + "/queue").then().statusCode(400);
    }

    @Test
    void metricsCountTheLoop() {
        String team = Api.team("metrics");
        String solved = customerTicket(team);
        String unsolved = customerTicket(team);
        String answered = Api.ticket(team, "P3");
        Api.ticket(team, "P4");
        resolve(solved);
        resolve(unsolved);
        outcome(solved, "SOLVED");
        outcome(unsolved, "NOT_SOLVED");
        given().contentType("application/json").body("{\"body\":\"hi\",\"visibility\":\"PUBLIC\"}")
                .when().post("/api/v1/tickets/" + answered + "/comments").then().statusCode(201);

        given().queryParam("team", team).when().get("/api/v1/tickets/metrics").then().statusCode(200)
                .body("created", equalTo(4)).body("resolved", equalTo(2))
                .body("closedLoopRate", equalTo(0.5f)).body("reopenRate", equalTo(0.5f)).body("slaBreachRate", equalTo(0.0f))
                .body("openByStatus.REOPENED", equalTo(1)).body("openByStatus.NEW", equalTo(2))
                .body("openByPriority.P3", equalTo(2))
                .body("firstResponseMedianSeconds", notNullValue()).body("resolutionP90Seconds", notNullValue());
        given().queryParam("team", team).queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2020-02-01T00:00:00Z")
                .when().get("/api/v1/tickets/metrics").then().statusCode(200).body("created", equalTo(0));
        given().queryParam("from", "yesterday").when().get("/api/v1/tickets/metrics").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/api/v1/tickets/metrics").then().statusCode(400);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ticket_created_total")).body(containsString("ticket_reopened_total"));
    }

    private static String customerTicket(String team) {
        return given().contentType("application/json")
                .body("{\"subject\":\"refund\",\"team\":\"" + team + "\",\"priority\":\"P3\",\"customer\":{\"id\":\"c-m\",\"locale\":\"en\"}}")
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");
    }

    private static void resolve(String id) {
        given().contentType("application/json").body("{\"resolution\":\"refunded\"}")
                .when().post("/api/v1/tickets/" + id + "/resolve").then().statusCode(200);
    }

    private static void outcome(String id, String outcome) {
        given().contentType("application/json")
                .body("{\"followUpId\":\"fu-" + id + "\",\"outcome\":\"" + outcome + "\"}")
                .when().post("/internal/tickets/" + id + "/follow-up-outcome").then().statusCode(200);
    }
}
