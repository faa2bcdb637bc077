package dev.vocloop.survey.analytics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocloop.survey.support.HandOverStub;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.testing.SmtpResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: NPS with a weekly trend and one segment over 1,000,000 answers,
 * through the HTTP endpoint, against a hand-written SQL query computing the same numbers in the
 * same run. Excluded from the default build; run with
 * {@code ./mvnw -B -pl survey-service verify -Pbench}. Prints medians and the ratio.
 */
@Tag("bench")
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(HandOverStub.class)
class NpsBenchmarkTest {

    private static final int ANSWERS = Integer.getInteger("bench.answers", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    private static final String FROM = "2025-01-01T00:00:00Z";
    private static final String TO = "2026-01-01T00:00:00Z";

    /**
     * The hand-written query: the same counts, overall, per ISO week and per tier, in one scan; what
     * an analyst would type. The difference to the endpoint is the service's own cost (HTTP, JSON,
     * statistics, the response-rate query).
     */
    private static final String HAND_WRITTEN = """
            SELECT w, tier,
                   count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score BETWEEN 7 AND 8),
                   count(*) FILTER (WHERE score <= 6)
              FROM (SELECT date_trunc('week', created_at AT TIME ZONE 'UTC') AS w, tier, score
                      FROM survey_responses
                     WHERE survey_type = 'NPS' AND survey_id = :s
                       AND created_at >= :f AND created_at < :t) r
             GROUP BY GROUPING SETS ((), (w), (tier))""";

    @Inject
    EntityManager em;

    @Test
    void npsWithWeeklyTrendAndSegmentOverAMillionAnswers() {
        String survey = given().contentType("application/json")
                .body("{\"type\":\"NPS\",\"name\":\"bench\",\"questions\":{\"zh-CN\":\"问\",\"en\":\"q\"}}")
                .when().post("/api/v1/surveys").then().statusCode(201).extract().path("id");
        long seedStart = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(600).run(() -> em.createNativeQuery("""
                INSERT INTO survey_responses (id, survey_id, survey_type, customer_id, score, tier, channel, created_at)
                SELECT md5(g::text), :s, 'NPS', 'c-' || (g % 200000), (g::bigint * 7919 % 11),
                       (ARRAY['gold','silver','bronze','none'])[1 + g % 4], 'EMAIL',
                       TIMESTAMPTZ '2025-01-01' + (g::bigint * 31) * INTERVAL '1 second'
                  FROM generate_series(1, :n) g""").setParameter("s", survey).setParameter("n", ANSWERS).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE survey_responses").executeUpdate());
        System.out.printf("seeded %,d answers in %.1f s%n", ANSWERS, (System.nanoTime() - seedStart) / 1e9);

        List<Long> service = new ArrayList<>();
        List<Long> sql = new ArrayList<>();
        JsonPath report = null;
        long[] handTotals = null;
        for (int run = 0; run < RUNS + 2; run++) {
            long t0 = System.nanoTime();
            report = given().queryParam("from", FROM).queryParam("to", TO).queryParam("interval", "week").queryParam("segment", "tier")
                    .when().get("/api/v1/surveys/" + survey + "/nps").then().statusCode(200).extract().jsonPath();
            long t1 = System.nanoTime();
            handTotals = QuarkusTransaction.requiringNew().call(() -> handWritten(survey));
            long t2 = System.nanoTime();
            if (run >= 2) { // two warm-up rounds
                service.add(t1 - t0);
                sql.add(t2 - t1);
            }
        }
        assertEquals(handTotals[0], report.getLong("promoters"));
        assertEquals(handTotals[1], report.getLong("passives"));
        assertEquals(handTotals[2], report.getLong("detractors"));
        assertEquals(handTotals[3], report.getList("trend").size());
        assertEquals(handTotals[4], report.getList("segments").size());
        assertEquals(ANSWERS, report.getLong("n"));

        double serviceMs = median(service) / 1e6;
        double sqlMs = median(sql) / 1e6;
        System.out.printf("NPS benchmark over %,d answers (weekly trend: %d points, segment tier: %d values), median of %d runs:%n",
                ANSWERS, handTotals[3], handTotals[4], RUNS);
        System.out.printf("  GET /api/v1/surveys/{id}/nps (HTTP, JSON, statistics, response rate): %.0f ms%n", serviceMs);
        System.out.printf("  hand-written SQL (JDBC, counts only):                                   %.0f ms%n", sqlMs);
        System.out.printf("  ratio: %.2f (target <= 1.5)%n", serviceMs / sqlMs);
    }

    @SuppressWarnings("unchecked")
    private long[] handWritten(String survey) {
        List<Object[]> rows = em.createNativeQuery(HAND_WRITTEN).setParameter("s", survey).setParameter("f", java.time.Instant.parse(FROM)).setParameter("t", java.time.Instant.parse(TO))
                .getResultList();
        long p = 0, pa = 0, d = 0, weeks = 0, tiers = 0;
        for (Object[] r : rows) {
            if (r[0] == null && r[1] == null) {
                p = ((Number) r[2]).longValue();
                pa = ((Number) r[3]).longValue();
                d = ((Number) r[4]).longValue();
            } else if (r[0] != null) {
                weeks++;
            } else {
                tiers++;
            }
        }
        return new long[] {p, pa, d, weeks, tiers};
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
