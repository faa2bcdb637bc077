package dev.vocloop.survey.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.vocloop.survey.support.HandOverStub;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.testing.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Historical answers keep the time they were given, feed the reports and segments, and are imported all or nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(HandOverStub.class)
class ResponseImportTest {

    private static String survey() {
        return given().contentType("application/json")
                .body("{\"type\":\"NPS\",\"name\":\"history\",\"questions\":{\"zh-CN\":\"您会推荐我们吗？\",\"en\":\"Would you recommend us?\"}}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
    }

    private static String answer(String customer, String tier, int score, String at) {
        return """
                {"customer":{"id":"%s","tier":"%s","lifecycleStage":"active","attributes":{"product":"app"}},
                 "score":%d,"answeredAt":"%s","channel":"EMAIL"}""".formatted(customer, tier, score, at);
    }

    @Test
    void importedAnswersCountAtTheTimeTheyWereGiven() {
        String s = survey();
        String body = "[" + answer("h-1", "gold", 10, "2026-01-06T10:00:00Z") + "," + answer("h-2", "gold", 9, "2026-01-07T10:00:00Z")
                + "," + answer("h-3", "free", 3, "2026-01-14T10:00:00Z") + "]";

        given().contentType("application/json").body(body)
                .when().post("/api/v1/admin/surveys/" + s + "/responses/import")
                .then().statusCode(201).body("imported", equalTo(3)).body("surveyId", equalTo(s));

        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("interval", "week")
                .queryParam("segment", "tier")
                .when().get("/api/v1/surveys/" + s + "/nps").then().statusCode(200)
                .body("n", equalTo(3)).body("promoters", equalTo(2)).body("detractors", equalTo(1))
                .body("trend", hasSize(2))
                .body("trend[0].period", equalTo("2026-01-05")).body("trend[0].n", equalTo(2)).body("trend[0].nps", equalTo(100))
                .body("trend[1].period", equalTo("2026-01-12")).body("trend[1].n", equalTo(1)).body("trend[1].nps", equalTo(-100));
        // Nothing in the current window: the answers were not stamped with the time of the import.
        given().when().get("/api/v1/surveys/" + s + "/nps").then().statusCode(200).body("n", equalTo(0));
    }

    @Test
    void oneBadAnswerRejectsTheWholeImport() {
        String s = survey();
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        given().contentType("application/json")
                .body("[" + answer("h-4", "gold", 10, "2026-02-02T10:00:00Z") + "," + answer("h-5", "gold", 8, future) + "]")
                .when().post("/api/v1/admin/surveys/" + s + "/responses/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[1].answeredAt"));
        given().contentType("application/json").body("[" + answer("h-6", "gold", 11, "2026-02-02T10:00:00Z") + "]")
                .when().post("/api/v1/admin/surveys/" + s + "/responses/import")
                .then().statusCode(400).body("errors[0].field", equalTo("[0].score"));
        given().contentType("application/json").body("[{\"score\":5}]")
                .when().post("/api/v1/admin/surveys/" + s + "/responses/import")
                .then().statusCode(400).contentType("application/problem+json");

        given().queryParam("from", "2026-01-01").queryParam("to", "2026-03-01")
                .when().get("/api/v1/surveys/" + s + "/nps").then().statusCode(200).body("n", equalTo(0));
    }

    @Test
    void aRepeatedIdempotencyKeyImportsNothingTwiceAndUnknownSurveysAre404() {
        String s = survey();
        String body = "[" + answer("h-7", "silver", 7, "2026-03-03T10:00:00Z") + "]";
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").header("Idempotency-Key", "history-2026-03").body(body)
                    .when().post("/api/v1/admin/surveys/" + s + "/responses/import")
                    .then().statusCode(201).body("imported", equalTo(1));
        }
        given().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31")
                .when().get("/api/v1/surveys/" + s + "/nps").then().statusCode(200).body("n", equalTo(1)).body("passives", equalTo(1));

        given().contentType("application/json").body(body)
                .when().post("/api/v1/admin/surveys/no-such-survey/responses/import")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
