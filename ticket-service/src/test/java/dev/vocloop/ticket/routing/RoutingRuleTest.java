package dev.vocloop.ticket.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.vocloop.commons.Ids;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.ticket.support.Api;
import dev.vocloop.ticket.support.Feedback;
import dev.vocloop.ticket.support.SurveyStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SurveyStub.class)
class RoutingRuleTest {

    /** Every rule here is limited to this product, so other tests' tickets are never routed by them. */
    private final String product = "routing-" + Ids.newId();
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeRules() {
        created.forEach(id -> given().when().delete("/api/v1/routing-rules/" + id));
    }

    private String rule(String name, String conditions, String action, Integer position) {
        String body = "{\"name\":\"" + name + "\",\"conditions\":{\"products\":[\"" + product + "\"]," + conditions + "},\"action\":"
                + action + (position == null ? "" : ",\"position\":" + position) + "}";
        String id = given().contentType("application/json").body(body).when().post("/api/v1/routing-rules")
                .then().statusCode(201).extract().path("id");
        created.add(id);
        return id;
    }

    private ValidatableResponse dryRun(String fields) {
        return given().contentType("application/json").body("{\"product\":\"" + product + "\"," + fields + "}")
                .when().post("/api/v1/routing-rules/test").then().statusCode(200);
    }

    @Test
    void firstMatchingRuleWinsAndTheDefaultTeamCatchesTheRest() {
        String billing = Api.team("billing");
        String app = Api.team("app");
        String billingRule = rule("billing", "\"topics\":[\"BILLING\"]", "{\"team\":\"" + billing + "\",\"tags\":[\"money\"]}", null);
        rule("crashes", "\"keywords\":[\"闪退\",\"crash\"]", "{\"team\":\"" + app + "\",\"raisePriority\":1}", null);

        dryRun("\"topic\":\"billing\",\"text\":\"app 闪退\",\"priority\":\"P3\"")
                .body("team", equalTo(billing)).body("ruleId", equalTo(billingRule))
                .body("reasons", hasItem("topic is billing")).body("tags", hasItem("money"));
        dryRun("\"topic\":\"PERFORMANCE\",\"text\":\"支付的时候app闪退了\",\"priority\":\"P3\"")
                .body("team", equalTo(app)).body("priority", equalTo("P2"))
                .body("reasons", hasItem(containsString("闪退")));
        dryRun("\"topic\":\"PERFORMANCE\",\"text\":\"slow\",\"priority\":\"P3\"")
                .body("team", equalTo("support")).body("ruleId", nullValue())
                .body("reasons[0]", containsString("default team"));
    }

    @Test
    void aRuleInsertedFirstTakesPrecedenceAndReorderingIsAtomic() {
        String billing = Api.team("billing");
        String bugs = Api.team("bugs");
        String billingRule = rule("billing", "\"topics\":[\"BILLING\"]", "{\"team\":\"" + billing + "\"}", null);
        String bugRule = rule("bugs", "\"intents\":[\"BUG\"]", "{\"team\":\"" + bugs + "\"}", 0);
        dryRun("\"topic\":\"BILLING\",\"intent\":\"BUG\"").body("team", equalTo(bugs));

        List<String> ids = given().when().get("/api/v1/routing-rules").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        List<String> reordered = new ArrayList<>(ids);
        reordered.remove(billingRule);
        reordered.add(reordered.indexOf(bugRule), billingRule);
        given().contentType("application/json").body(java.util.Map.of("ids", reordered))
                .when().put("/api/v1/routing-rules/order").then().statusCode(200);
        dryRun("\"topic\":\"BILLING\",\"intent\":\"BUG\"").body("team", equalTo(billing));

        // an incomplete order is refused and changes nothing
        given().contentType("application/json").body(java.util.Map.of("ids", List.of(bugRule)))
                .when().put("/api/v1/routing-rules/order").then().statusCode(400).contentType("application/problem+json");
        dryRun("\"topic\":\"BILLING\",\"intent\":\"BUG\"").body("team", equalTo(billing));
    }

    @Test
    void feedbackIsRoutedByTheRules() {
        String payments = Api.team("payments");
        rule("payments", "\"topics\":[\"BILLING\"]", "{\"team\":\"" + payments + "\",\"raisePriority\":1}", null);
        String fid = Ids.newId();
        String body = Feedback.body(fid, "c-" + Ids.newId(), "BILLING", "P3", "重复扣款").replace("\"product\":\"app\"",
                "\"product\":\"" + product + "\"");
        Feedback.send(body, null).statusCode(201).body("team", equalTo(payments)).body("priority", equalTo("P2"));
    }

    @Test
    void badRulesAre4xx() {
        given().contentType("application/json")
                .body("{\"name\":\"x\",\"conditions\":{\"topics\":[\"BILLING\"]},\"action\":{\"team\":\"no-such-team\"}}")
                .when().post("/api/v1/routing-rules").then().statusCode(400).body("detail", containsString("unknown team"));
        given().contentType("application/json")
                .body("{\"name\":\"x\",\"conditions\":{},\"action\":{\"team\":\"support\"}}")
                .when().post("/api/v1/routing-rules").then().statusCode(400).body("detail", containsString("condition"));
        given().contentType("application/json")
                .body("{\"name\":\"x\",\"conditions\":{\"topics\":[\"A\"]},\"action\":{\"team\":\"support\",\"raisePriority\":7}}")
                .when().post("/api/v1/routing-rules").then().statusCode(400);
        given().contentType("application/json").body("{\"name\":\"x\",\"conditions\":{\"topics\":[\"A\"]}}")
                .when().post("/api/v1/routing-rules").then().statusCode(400);
        given().when().get("/api/v1/routing-rules/nope").then().statusCode(404);
        given().contentType("application/json").body("{\"priority\":\"P0\"}")
                .when().post("/api/v1/routing-rules/test").then().statusCode(400);
    }
}
