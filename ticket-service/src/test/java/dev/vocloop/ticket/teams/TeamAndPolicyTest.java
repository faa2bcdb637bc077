package dev.vocloop.ticket.teams;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.vocloop.testing.PostgresResource;
import dev.vocloop.ticket.support.Api;
import dev.vocloop.ticket.support.SurveyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SurveyStub.class)
class TeamAndPolicyTest {

    @Test
    void teamsAreCreatedReadReplacedAndDeleted() {
        given().contentType("application/json").body("""
                {"key":"vip-care","name":"VIP care","members":["a1","a2"],"lead":"boss",
                 "calendar":{"timezone":"Europe/Berlin","workingDays":["MONDAY","TUESDAY"],"workStart":"08:00","workEnd":"16:00",
                             "holidays":["2026-12-25"]}}""")
                .when().post("/api/v1/teams").then().statusCode(201).body("calendar.timezone", equalTo("Europe/Berlin"));
        given().when().get("/api/v1/teams/vip-care").then().statusCode(200)
                .body("calendar.workStart", containsString("08:00")).body("calendar.holidays[0]", equalTo("2026-12-25"))
                .body("members", hasItem("a2"));
        given().contentType("application/json").body("{\"key\":\"vip-care\",\"name\":\"VIP\"}")
                .when().post("/api/v1/teams").then().statusCode(409);
        given().contentType("application/json").body("{\"key\":\"vip-care\",\"name\":\"VIP renamed\",\"version\":0}")
                .when().put("/api/v1/teams/vip-care").then().statusCode(200).body("name", equalTo("VIP renamed"));
        given().contentType("application/json").body("{\"key\":\"vip-care\",\"name\":\"again\",\"version\":0}")
                .when().put("/api/v1/teams/vip-care").then().statusCode(409);
        given().when().get("/api/v1/teams").then().statusCode(200).body("items.key", hasItem("support"));
        given().when().delete("/api/v1/teams/vip-care").then().statusCode(204);
        given().when().get("/api/v1/teams/vip-care").then().statusCode(404);
    }

    @Test
    void teamsWithTicketsAndTheDefaultTeamStay() {
        String team = Api.team("busy");
        Api.ticket(team, "P3");
        given().when().delete("/api/v1/teams/" + team).then().statusCode(409);
        given().when().delete("/api/v1/teams/support").then().statusCode(409);
    }

    @Test
    void badCalendarsAre400() {
        given().contentType("application/json").body("""
                {"key":"empty-cal","name":"x","calendar":{"workingDays":[],"workStart":"09:00","workEnd":"18:00"}}""")
                .when().post("/api/v1/teams").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("""
                {"key":"bad-tz","name":"x","calendar":{"timezone":"Mars/Olympus","workingDays":["MONDAY"],"workStart":"09:00","workEnd":"18:00"}}""")
                .when().post("/api/v1/teams").then().statusCode(400).body("detail", containsString("timezone"));
        given().contentType("application/json").body("""
                {"key":"backwards","name":"x","calendar":{"workingDays":["MONDAY"],"workStart":"18:00","workEnd":"09:00"}}""")
                .when().post("/api/v1/teams").then().statusCode(400);
        given().contentType("application/json").body("""
                {"key":"bad-day","name":"x","calendar":{"workingDays":["FUNDAY"],"workStart":"09:00","workEnd":"18:00"}}""")
                .when().post("/api/v1/teams").then().statusCode(400);
        given().contentType("application/json").body("{\"key\":\"Bad Key!\",\"name\":\"x\"}")
                .when().post("/api/v1/teams").then().statusCode(400);
    }

    @Test
    void defaultPoliciesAreSeededAndCanBeReplaced() {
        given().when().get("/api/v1/sla-policies").then().statusCode(200)
                .body("items.find { it.priority == 'P1' }.firstResponse", equalTo("PT1H"))
                .body("items.find { it.priority == 'P1' }.resolution", equalTo("PT8H"))
                .body("items.find { it.priority == 'P1' }.businessHours", equalTo(false))
                .body("items.find { it.priority == 'P2' }.resolution", equalTo("PT24H"))
                .body("items.find { it.priority == 'P3' }.resolution", equalTo("P3D"))
                .body("items.find { it.priority == 'P3' }.businessHours", equalTo(true))
                .body("items.find { it.priority == 'P4' }.firstResponse", equalTo("P3D"));
        given().contentType("application/json").body("{\"priority\":\"P4\",\"firstResponse\":\"P3D\",\"resolution\":\"P15D\",\"businessHours\":true}")
                .when().put("/api/v1/sla-policies/P4").then().statusCode(200).body("resolution", equalTo("P15D"));
        given().contentType("application/json").body("{\"priority\":\"P4\",\"firstResponse\":\"P3D\",\"resolution\":\"P14D\",\"businessHours\":true}")
                .when().put("/api/v1/sla-policies/P4").then().statusCode(200);
        given().contentType("application/json").body("{\"priority\":\"P4\",\"firstResponse\":\"P3D\",\"resolution\":\"P14D\",\"businessHours\":true}")
                .when().post("/api/v1/sla-policies").then().statusCode(409);
    }

    @Test
    void badPoliciesAre4xx() {
        given().contentType("application/json").body("{\"priority\":\"P2\",\"firstResponse\":\"PT0S\",\"resolution\":\"PT4H\",\"businessHours\":false}")
                .when().put("/api/v1/sla-policies/P2").then().statusCode(400).body("detail", containsString("greater than zero"));
        given().contentType("application/json").body("{\"priority\":\"P2\",\"firstResponse\":\"four hours\",\"resolution\":\"PT4H\",\"businessHours\":false}")
                .when().put("/api/v1/sla-policies/P2").then().statusCode(400);
        given().contentType("application/json").body("{\"priority\":\"P7\",\"firstResponse\":\"PT1H\",\"resolution\":\"PT4H\",\"businessHours\":false}")
                .when().post("/api/v1/sla-policies").then().statusCode(400);
        given().contentType("application/json").body("{\"priority\":\"P1\",\"firstResponse\":\"PT1H\",\"resolution\":\"PT4H\",\"businessHours\":false}")
                .when().put("/api/v1/sla-policies/P2").then().statusCode(400);
        given().when().get("/api/v1/sla-policies/P9").then().statusCode(400);
    }
}
