package dev.vocloop.feedback.items;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class FeedbackAnalyticsTest {

    @Test
    void pagesThroughAFilteredListWithACursorAndExportsCsv() {
        String product = "prod-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("channel", "IN_APP", "product", product,
                    "receivedAt", "2026-11-0" + (i + 1) + "T10:00:00Z", "text", "=SUM(A1) 第" + i + "次闪退了"))
                    .post("/api/v1/feedback").then().statusCode(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().queryParam("product", product).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/feedback").then().statusCode(200)
                    .extract().jsonPath();
            List<String> ids = page.getList("items.id");
            ids.forEach(id -> assertEquals(true, seen.add(id), "no item twice across pages"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(3, pages);
        given().queryParam("product", product).queryParam("q", "第3次").get("/api/v1/feedback").then()
                .body("items", hasSize(1)).body("items[0].receivedAt", startsWith("2026-11-04"));
        given().queryParam("product", product).queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-04T00:00:00Z")
                .get("/api/v1/feedback").then().body("items", hasSize(2));

        String csv = given().accept("text/csv").queryParam("product", product).get("/api/v1/feedback").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(6, lines.size(), csv);
        assertEquals(true, lines.get(0).startsWith("id,receivedAt,channel"));
        assertEquals(true, lines.get(1).contains("'=SUM(A1)"), "formula cells are neutralised: " + lines.get(1));
        assertNotEquals(-1, csv.indexOf("第4次闪退了"));
    }

    @Test
    void countsByDimensionPerDay() {
        String product = "stats-" + UUID.randomUUID();
        String[] days = {"2025-03-01T08:00:00Z", "2025-03-01T09:00:00Z", "2025-03-02T09:00:00Z"};
        for (String day : days) {
            given().contentType(ContentType.JSON).body(Map.of("channel", "SOCIAL", "product", product, "receivedAt", day,
                    "text", "Love it, great app")).post("/api/v1/feedback").then().statusCode(201);
        }
        given().queryParam("dimension", "channel").queryParam("interval", "day")
                .queryParam("from", "2025-03-01T00:00:00Z").queryParam("to", "2025-03-03T00:00:00Z")
                .get("/api/v1/feedback/stats").then().statusCode(200)
                .body("total", equalTo(3))
                .body("buckets", hasSize(2))
                .body("buckets[0].period", equalTo("2025-03-01"))
                .body("buckets[0].counts.SOCIAL", equalTo(2))
                .body("buckets[1].counts.SOCIAL", equalTo(1))
                .body("totals.SOCIAL", equalTo(3));
        given().queryParam("dimension", "mood").get("/api/v1/feedback/stats").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("dimension"));
        given().queryParam("interval", "hour").get("/api/v1/feedback/stats").then().statusCode(400);
        given().queryParam("dimension", "priority").queryParam("interval", "month").get("/api/v1/feedback/stats")
                .then().statusCode(200).body("interval", equalTo("month")).body("totals", notNullValue());
    }
}
