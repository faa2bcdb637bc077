package dev.vocloop.ticket.tickets;

import dev.vocloop.testing.TestTokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocloop.testing.PostgresResource;
import dev.vocloop.ticket.support.Api;
import dev.vocloop.ticket.support.SurveyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SurveyStub.class)
class TicketWorkflowTest {

    private static final List<String> ALL = List.of("NEW", "OPEN", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED",
            "REOPENED", "CLOSED_UNCONFIRMED");

    /** The transitions the issue allows, written out independently of the code's own table. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "NEW", List.of("OPEN", "IN_PROGRESS", "RESOLVED"),
            "OPEN", List.of("IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED"),
            "IN_PROGRESS", List.of("WAITING_ON_CUSTOMER", "RESOLVED"),
            "WAITING_ON_CUSTOMER", List.of("IN_PROGRESS", "RESOLVED"),
            "RESOLVED", List.of("CLOSED", "REOPENED", "CLOSED_UNCONFIRMED"),
            "REOPENED", List.of("IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED"),
            "CLOSED", List.of("REOPENED"),
            "CLOSED_UNCONFIRMED", List.of("REOPENED"));

    /** How to bring a NEW ticket into each status. */
    private static final Map<String, List<String>> PATH = Map.of(
            "NEW", List.of(),
            "OPEN", List.of("OPEN"),
            "IN_PROGRESS", List.of("IN_PROGRESS"),
            "WAITING_ON_CUSTOMER", List.of("OPEN", "WAITING_ON_CUSTOMER"),
            "RESOLVED", List.of("RESOLVED"),
            "CLOSED", List.of("RESOLVED", "CLOSED"),
            "REOPENED", List.of("RESOLVED", "REOPENED"),
            "CLOSED_UNCONFIRMED", List.of("RESOLVED", "CLOSED_UNCONFIRMED"));

    @Test
    void everyAllowedTransitionSucceedsAndEveryOtherIs409WithTheAllowedOnes() {
        String team = Api.team("flow");
        for (String from : ALL) {
            // refused transitions change nothing, so one ticket serves all of them
            String probe = ticketIn(team, from);
            for (String to : ALL) {
                if (!ALLOWED.get(from).contains(to)) {
                    Api.status(probe, to).statusCode(409).contentType("application/problem+json")
                            .body("detail", containsString("allowed: "));
                }
            }
            Api.get(probe).body("status", equalTo(from)).body("version", equalTo(versionAfter(from)));
            for (String to : ALLOWED.get(from)) {
                Api.status(ticketIn(team, from), to).statusCode(200).body("status", equalTo(to));
            }
        }
    }

    private static String ticketIn(String team, String status) {
        String id = Api.ticket(team, "P3");
        for (String step : PATH.get(status)) {
            Api.status(id, step).statusCode(200).body("status", equalTo(step));
        }
        return id;
    }

    /** Each accepted step bumps the version once; refused ones must not have touched the ticket. */
    private static int versionAfter(String status) {
        return PATH.get(status).size();
    }

    @Test
    void waitingOnTheCustomerPausesTheClocksAndResumingRestartsThem() {
        String id = Api.ticket(Api.team("pause"), "P2");
        Api.status(id, "OPEN").statusCode(200);
        Api.status(id, "WAITING_ON_CUSTOMER").statusCode(200).body("sla.paused", equalTo(true));
        Api.status(id, "IN_PROGRESS").statusCode(200).body("sla.paused", equalTo(false))
                .body("sla.resolutionDue", notNullValue());
        Api.status(id, "RESOLVED").statusCode(200);
        // resolved: the resolution clock no longer runs, its time left is frozen and positive
        Api.get(id).body("sla.resolutionLeftSeconds", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void aStaleVersionIs409() {
        String id = Api.ticket(Api.team("lock"), "P3");
        int version = Api.get(id).extract().path("version");
        given().contentType("application/json").body("{\"priority\":\"P2\",\"version\":" + version + "}")
                .when().patch("/api/v1/tickets/" + id).then().statusCode(200).body("priority", equalTo("P2"));
        given().contentType("application/json").body("{\"priority\":\"P1\",\"version\":" + version + "}")
                .when().patch("/api/v1/tickets/" + id).then().statusCode(409).contentType("application/problem+json");
        given().contentType("application/json").body("{\"status\":\"OPEN\",\"version\":" + version + "}")
                .when().post("/api/v1/tickets/" + id + "/status").then().statusCode(409);
    }

    @Test
    void concurrentEditsWithTheSameVersionHaveOneWinner() throws Exception {
        String id = Api.ticket(Api.team("race"), "P3");
        int version = Api.get(id).extract().path("version");
        List<Integer> codes = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = "{\"tags\":[\"t" + i + "\"],\"version\":" + version + "}";
            Thread t = new Thread(() -> codes.add(given().contentType("application/json").body(body)
                    .when().patch("/api/v1/tickets/" + id).then().extract().statusCode()));
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "one winner: " + codes);
        assertEquals(5, codes.stream().filter(c -> c == 409).count(), "the others lose with 409: " + codes);
    }

    @Test
    void priorityChangeRecomputesTheDeadlinesFromTheNewPolicy() {
        String id = Api.ticket(Api.team("prio"), "P4");
        String before = Api.get(id).extract().path("sla.resolutionDue");
        given().contentType("application/json").body("{\"priority\":\"P1\"}").when().patch("/api/v1/tickets/" + id)
                .then().statusCode(200).body("priority", equalTo("P1")).body("sla.businessHours", equalTo(false));
        String after = Api.get(id).extract().path("sla.resolutionDue");
        // P1 resolves in 8 hours around the clock, P4 in 14 business days
        org.junit.jupiter.api.Assertions.assertTrue(java.time.Instant.parse(after).isBefore(java.time.Instant.parse(before)));
        given().when().get("/api/v1/tickets/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItem("PRIORITY_CHANGED"));
    }

    @Test
    void automaticAssignmentPicksTheLeastLoadedMemberRoundRobinOnTies() {
        String team = Api.team("assign", "ann", "bob", "cai");
        // creation assigns automatically: ann, bob, cai, then ann again (all tied)
        List<String> assignees = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = Api.ticket(team, "P3");
            ids.add(id);
            assignees.add(Api.get(id).extract().path("assignee"));
        }
        assertEquals(List.of("ann", "bob", "cai", "ann"), assignees);
        // bob's and cai's tickets are resolved: they have the fewest open tickets now
        Api.status(ids.get(1), "RESOLVED").statusCode(200);
        Api.status(ids.get(2), "RESOLVED").statusCode(200);
        String next = Api.ticket(team, "P3");
        org.hamcrest.MatcherAssert.assertThat(Api.get(next).extract().path("assignee"), org.hamcrest.Matchers.oneOf("bob", "cai"));
        // by hand, to a member only
        given().contentType("application/json").body("{\"assignee\":\"cai\"}").when().post("/api/v1/tickets/" + ids.get(0) + "/assign")
                .then().statusCode(200).body("assignee", equalTo("cai")).body("status", equalTo("OPEN"));
        given().contentType("application/json").body("{\"assignee\":\"mallory\"}").when().post("/api/v1/tickets/" + ids.get(0) + "/assign")
                .then().statusCode(400);
        // a team without members cannot assign automatically
        String lonely = Api.ticket(Api.team("lonely"), "P3");
        given().contentType("application/json").body("{}").when().post("/api/v1/tickets/" + lonely + "/assign").then().statusCode(422);
    }

    @Test
    void commentsAreKeptAndAPublicOneIsTheFirstResponse() {
        String id = Api.ticket(Api.team("cmt"), "P3");
        given().contentType("application/json").body("{\"body\":\"checking logs\",\"visibility\":\"INTERNAL\"}")
                .when().post("/api/v1/tickets/" + id + "/comments").then().statusCode(201).body("visibility", equalTo("INTERNAL"));
        Api.get(id).body("sla.firstRespondedAt", nullValue());
        given().contentType("application/json").body("{\"body\":\"我们正在处理\",\"visibility\":\"PUBLIC\"}")
                .when().post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        Api.get(id).body("sla.firstRespondedAt", notNullValue());
        given().when().get("/api/v1/tickets/" + id + "/comments").then().statusCode(200).body("items", hasSize(2))
                .body("items[1].body", equalTo("我们正在处理"));
        given().contentType("application/json").body("{\"body\":\"" + "x".repeat(20_001) + "\"}")
                .when().post("/api/v1/tickets/" + id + "/comments").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"body\":\"x\",\"visibility\":\"SHOUTED\"}")
                .when().post("/api/v1/tickets/" + id + "/comments").then().statusCode(400);
        given().contentType("application/json").body("{\"body\":\"x\"}")
                .when().post("/api/v1/tickets/no-such-ticket/comments").then().statusCode(404);
        // PostgreSQL cannot store NUL: the client hears 400, not 500
        given().contentType("application/json").body("{\"body\":\"a\\u0000b\"}")
                .when().post("/api/v1/tickets/" + id + "/comments").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void historyRecordsEveryChangeWithActorBeforeAndAfter() {
        String id = Api.ticket(Api.team("hist"), "P3");
        given().header("Authorization", TestTokens.bearerFor("key-42", "ADMIN")).contentType("application/json")
                .body("{\"status\":\"OPEN\"}").when().post("/api/v1/tickets/" + id + "/status").then().statusCode(200);
        given().when().get("/api/v1/tickets/" + id + "/history").then().statusCode(200)
                .body("items[0].action", equalTo("CREATED"))
                .body("items.find { it.action == 'STATUS_CHANGED' }.actor", equalTo("key-42"))
                .body("items.find { it.action == 'STATUS_CHANGED' }.before", equalTo("NEW"))
                .body("items.find { it.action == 'STATUS_CHANGED' }.after", equalTo("OPEN"))
                .body("items.find { it.action == 'STATUS_CHANGED' }.at", notNullValue());
    }

    @Test
    void agentsSeeOnlyTheirTeamsTickets() {
        String mine = Api.team("mine");
        String theirs = Api.team("theirs");
        String myTicket = Api.ticket(mine, "P3");
        String theirTicket = Api.ticket(theirs, "P3");
        given().header(TestTokens.as("AGENT", "x", mine))
                .when().get("/api/v1/tickets/" + myTicket).then().statusCode(200);
        given().header(TestTokens.as("AGENT", mine))
                .when().get("/api/v1/tickets/" + theirTicket).then().statusCode(404).contentType("application/problem+json");
        given().header(TestTokens.as("AGENT", mine))
                .contentType("application/json").body("{\"resolution\":\"x\"}")
                .when().post("/api/v1/tickets/" + theirTicket + "/resolve").then().statusCode(404);
        given().header(TestTokens.as("AGENT", mine)).queryParam("team", theirs)
                .when().get("/api/v1/tickets").then().statusCode(200).body("items", hasSize(0));
        given().header(TestTokens.as("AGENT", mine))
                .when().get("/api/v1/teams/" + theirs + "/queue").then().statusCode(404);
        given().header(TestTokens.as("AGENT", mine))
                .contentType("application/json").body("{\"key\":\"hack\",\"name\":\"x\"}")
                .when().post("/api/v1/teams").then().statusCode(403);
        // an admin sees every team's tickets
        given().header(TestTokens.as("ADMIN")).when().get("/api/v1/tickets/" + theirTicket).then().statusCode(200);
        // a product manager works no queue
        given().header(TestTokens.as("PRODUCT")).when().get("/api/v1/tickets/" + theirTicket).then().statusCode(403);
    }

    @Test
    void listIsPagedWithACursor() {
        String team = Api.team("page");
        for (int i = 0; i < 3; i++) {
            Api.ticket(team, "P4");
        }
        String cursor = given().queryParam("team", team).queryParam("limit", 2).when().get("/api/v1/tickets").then()
                .statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().queryParam("team", team).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/tickets").then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().queryParam("limit", 0).when().get("/api/v1/tickets").then().statusCode(400);
        given().queryParam("status", "SLEEPING").when().get("/api/v1/tickets").then().statusCode(400);
    }

    @Test
    void badManualTicketsAre4xx() {
        given().contentType("application/json").body("{\"subject\":\"x\",\"team\":\"no-such-team\"}")
                .when().post("/api/v1/tickets").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"subject\":\"\"}")
                .when().post("/api/v1/tickets").then().statusCode(400);
        given().contentType("application/json").body("{\"subject\":\"x\",\"priority\":\"urgent\"}")
                .when().post("/api/v1/tickets").then().statusCode(400);
        given().contentType("application/json").body("{\"status\":\"RESOLVED\"}")
                .when().post("/api/v1/tickets/" + Api.ticket(Api.team("bad"), "P3") + "/status").then().statusCode(422);
    }
}
