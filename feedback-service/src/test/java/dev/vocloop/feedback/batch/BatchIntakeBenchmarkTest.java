package dev.vocloop.feedback.batch;

import static io.restassured.RestAssured.given;

import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Batch intake speed (runs with -Peval, prints, asserts nothing): two NDJSON batches of 2,000 app
 * reviews that all say nearly the same thing, the worst case for the similar-items count, since
 * every item shares intent and topic with all before it. Against the in-memory MongoDB of tests
 * and the local platform, which scans where a real MongoDB uses the indexes.
 */
@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
@Tag("eval")
class BatchIntakeBenchmarkTest {

    @Test
    void twoBatchesOfNearlyIdenticalReviews() {
        for (int round = 0; round < 2; round++) {
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                ndjson.append("{\"channel\":\"APP_REVIEW\",\"externalId\":\"bench-").append(round).append('-').append(i)
                        .append("\",\"rating\":2,\"text\":\"The app crashes when I open the payment page, version ").append(i % 7)
                        .append(" on my phone ").append(i % 13).append("\"}\n");
            }
            long start = System.nanoTime();
            given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 900_000)))
                    .contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/feedback/batch").then().statusCode(200);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%nbatch intake: round %d, 2,000 items in %.1f s (%.0f items/s), %d items stored before it%n%n",
                    round + 1, seconds, 2000 / seconds, round * 2000);
        }
    }
}
