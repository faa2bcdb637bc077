package dev.vocloop.survey.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.vocloop.survey.support.HandOverStub;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.testing.SmtpResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reports computed by PostgreSQL over seeded answers, checked against hand-computed values (see ScoreStatisticsTest). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(HandOverStub.class)
class AnalyticsTest {

    @Inject
    EntityManager em;

    private static String survey(String type) {
        return given().contentType("application/json")
                .body("{\"type\":\"" + type + "\",\"name\":\"a\",\"questions\":{\"zh-CN\":\"问\",\"en\":\"q\"}}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
    }

    /** Inserts {@code count} answers with one score, tier and time. */
    private void seed(String surveyId, String type, int count, int score, String tier, String at) {
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO survey_responses (id, survey_id, survey_type, customer_id, score, tier, created_at)
                SELECT gen_random_uuid()::text, :s, :type, :prefix || '-' || g, :score, :tier, CAST(:at AS timestamptz)
                  FROM generate_series(1, :count) g""")
                .setParameter("s", surveyId).setParameter("type", type).setParameter("prefix", prefix)
                .setParameter("score", score).setParameter("tier", tier).setParameter("at", at).setParameter("count", count)
                .executeUpdate());
    }

    private void seedOne(String surveyId, String customer, int score, String at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO survey_responses (id, survey_id, survey_type, customer_id, score, created_at)
                VALUES (gen_random_uuid()::text, :s, 'NPS', :c, :score, CAST(:at AS timestamptz))""")
                .setParameter("s", surveyId).setParameter("c", customer).setParameter("score", score).setParameter("at", at)
                .executeUpdate());
    }

    @Test
    void npsWithWeeklyTrendSegmentsIntervalsAndSignificance() {
        String s = survey("NPS");
        // week of 5 Jan: 50 promoters, 30 passives, 20 detractors, all gold → 30 [14.05, 44.20]
        seed(s, "NPS", 50, 10, "gold", "2026-01-06T10:00:00Z");
        seed(s, "NPS", 30, 8, "gold", "2026-01-07T10:00:00Z");
        seed(s, "NPS", 20, 3, "gold", "2026-01-08T10:00:00Z");
        // week of 12 Jan: 20 / 30 / 50, all silver → −30 [−44.20, −14.05]
        seed(s, "NPS", 20, 9, "silver", "2026-01-13T10:00:00Z");
        seed(s, "NPS", 30, 7, "silver", "2026-01-13T11:00:00Z");
        seed(s, "NPS", 50, 0, "silver", "2026-01-14T10:00:00Z");
        // week of 19 Jan: 5 / 3 / 2 without tier → 30, n = 10 below the minimum
        seed(s, "NPS", 5, 10, null, "2026-01-20T10:00:00Z");
        seed(s, "NPS", 3, 7, null, "2026-01-20T10:00:00Z");
        seed(s, "NPS", 2, 6, null, "2026-01-20T10:00:00Z");
        // outside the period: must not count
        seed(s, "NPS", 40, 0, "gold", "2026-02-03T10:00:00Z");

        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("interval", "week")
                .queryParam("segment", "tier")
                .when().get("/api/v1/surveys/" + s + "/nps").then().statusCode(200)
                // overall: P = 75, passives = 63, D = 72, n = 210 → 1.43 → 1, interval [−9.80, 12.62]
                .body("n", equalTo(210)).body("promoters", equalTo(75)).body("passives", equalTo(63)).body("detractors", equalTo(72))
                .body("nps", equalTo(1)).body("ciLow", equalTo(-9.8f)).body("ciHigh", equalTo(12.62f)).body("significant", equalTo(true))
                .body("trend", hasSize(3))
                .body("trend[0].period", equalTo("2026-01-05")).body("trend[0].nps", equalTo(30))
                .body("trend[0].ciLow", equalTo(14.05f)).body("trend[0].ciHigh", equalTo(44.2f)).body("trend[0].change", nullValue())
                .body("trend[1].period", equalTo("2026-01-12")).body("trend[1].nps", equalTo(-30))
                .body("trend[1].change.delta", equalTo(-60.0f)).body("trend[1].change.threshold", equalTo(21.32f))
                .body("trend[1].change.significant", equalTo(true))
                .body("trend[2].nps", equalTo(30)).body("trend[2].significant", equalTo(false))
                .body("trend[2].change.significant", equalTo(false))
                .body("segment", equalTo("tier")).body("segments", hasSize(3))
                .body("segments.find { it.segment == 'gold' }.nps", equalTo(30))
                .body("segments.find { it.segment == 'silver' }.nps", equalTo(-30))
                .body("segments.find { it.segment == '(none)' }.n", equalTo(10))
                .body("segments.find { it.segment == '(none)' }.significant", equalTo(false));

        // the same across all NPS surveys includes this survey's answers
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").when().get("/api/v1/nps").then().statusCode(200)
                .body("n", equalTo(210)).body("surveyId", nullValue()).body("interval", equalTo("week"));
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").queryParam("interval", "month")
                .when().get("/api/v1/surveys/" + s + "/nps").then().body("trend", hasSize(1)).body("trend[0].period", equalTo("2026-01-01"));
    }

    @Test
    void csatAndCes() {
        String csat = survey("CSAT");
        seed(csat, "CSAT", 25, 5, "gold", "2026-03-02T10:00:00Z");
        seed(csat, "CSAT", 15, 4, "gold", "2026-03-02T10:00:00Z");
        seed(csat, "CSAT", 10, 2, "gold", "2026-03-02T10:00:00Z");
        // 40 of 50 satisfied → 80 %, Wilson [66.96, 88.76]
        given().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").when().get("/api/v1/surveys/" + csat + "/csat")
                .then().statusCode(200).body("n", equalTo(50)).body("satisfied", equalTo(40)).body("csat", equalTo(80.0f))
                .body("ciLow", equalTo(66.96f)).body("ciHigh", equalTo(88.76f));

        String ces = survey("CES");
        for (int score : new int[] {2, 3, 3, 4, 5}) {
            seed(ces, "CES", 1, score, null, "2026-03-03T10:00:00Z");
        }
        // mean 3.4, t interval [1.98, 4.82]
        given().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").when().get("/api/v1/surveys/" + ces + "/ces")
                .then().statusCode(200).body("n", equalTo(5)).body("mean", equalTo(3.4f))
                .body("ciLow", equalTo(1.98f)).body("ciHigh", equalTo(4.82f)).body("significant", equalTo(false));
        given().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").when().get("/api/v1/ces")
                .then().statusCode(200).body("n", equalTo(5));
    }

    @Test
    void responseRateCountsInvitationsOfThePeriod() {
        String s = survey("NPS");
        String token = given().contentType("application/json")
                .body("{\"channel\":\"LINK\",\"customers\":[{\"id\":\"rr-" + UUID.randomUUID() + "\"},{\"id\":\"rr-" + UUID.randomUUID() + "\"}]}")
                .when().post("/api/v1/surveys/" + s + "/invitations").then().statusCode(200).extract().path("items[0].token");
        given().contentType("application/json").body("{\"token\":\"" + token + "\",\"score\":10}")
                .when().post("/api/v1/survey-responses").then().statusCode(201);
        given().when().get("/api/v1/surveys/" + s + "/nps").then().statusCode(200)
                .body("responseRate.invited", equalTo(2)).body("responseRate.responded", equalTo(1))
                .body("responseRate.rate", equalTo(50.0f)).body("n", equalTo(1)).body("significant", equalTo(false));
    }

    @Test
    void detractorRecovery() {
        String s = survey("NPS");
        String p = UUID.randomUUID().toString().substring(0, 6);
        seedOne(s, p + "-x", 3, "2025-06-02T10:00:00Z");
        seedOne(s, p + "-x", 9, "2025-06-20T10:00:00Z"); // recovered
        seedOne(s, p + "-y", 2, "2025-06-03T10:00:00Z");
        seedOne(s, p + "-y", 8, "2025-06-10T10:00:00Z");
        seedOne(s, p + "-y", 5, "2025-06-25T10:00:00Z"); // asked again, latest still a detractor
        seedOne(s, p + "-z", 6, "2025-06-04T10:00:00Z"); // never asked again
        seedOne(s, p + "-w", 10, "2025-06-04T10:00:00Z"); // never a detractor
        given().queryParam("from", "2025-06-01").queryParam("to", "2025-06-30").when().get("/api/v1/nps/recovery")
                .then().statusCode(200).body("detractors", equalTo(3)).body("askedAgain", equalTo(2))
                .body("recovered", equalTo(1)).body("recoveryRate", equalTo(50.0f)).body("significant", equalTo(false));
    }

    @Test
    void badQueriesAreProblems() {
        String s = survey("CSAT");
        given().queryParam("interval", "year").when().get("/api/v1/nps").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("interval"));
        given().queryParam("from", "yesterday").when().get("/api/v1/nps").then().statusCode(400);
        given().queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").when().get("/api/v1/nps").then().statusCode(400);
        given().queryParam("segment", "drop table;").when().get("/api/v1/nps").then().statusCode(400);
        given().when().get("/api/v1/surveys/" + s + "/nps").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/surveys/nope/nps").then().statusCode(404);
        // an attribute outside the known columns is read from the customer attributes
        given().queryParam("segment", "plan").when().get("/api/v1/nps").then().statusCode(200).body("segment", equalTo("plan"));
    }
}
