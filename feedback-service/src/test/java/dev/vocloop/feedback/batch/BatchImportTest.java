package dev.vocloop.feedback.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class BatchImportTest {

    @Test
    void csvOfAppReviewsWithADuplicateAndABadRow() {
        String p = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                externalId,store,rating,title,text,appVersion,customerId
                %1$s-1,GOOGLE_PLAY,1,Crashes,"App crashes when I open my cart, please fix",5.2.0,c-1
                %1$s-2,APP_STORE,5,Love it,"Great app, love the new design",5.2.0,c-2
                %1$s-1,GOOGLE_PLAY,1,Crashes,"App crashes when I open my cart, please fix",5.2.0,c-1
                %1$s-4,APP_STORE,9,Stars,"rating out of range",5.2.0,c-4
                %1$s-5,HUAWEI,2,,"   ",5.2.0,c-5
                %1$s-6,HUAWEI,2,闪退,"更新以后一直闪退，希望尽快修复",5.2.1,c-6
                """.formatted(p);
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/feedback/batch?channel=APP_REVIEW").then().statusCode(200)
                .body("items", hasSize(6))
                .body("items[0].status", equalTo("CREATED"))
                .body("items[1].status", equalTo("CREATED"))
                .body("items[2].status", equalTo("DUPLICATE"))
                .body("items[2].id", equalTo(given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/feedback/batch?channel=APP_REVIEW")
                        .then().extract().path("items[0].id")))
                .body("items[3].status", equalTo("REJECTED"))
                .body("items[3].reason", startsWith("rating"))
                .body("items[4].status", equalTo("REJECTED"))
                .body("items[4].reason", containsString("text"))
                .body("items[5].status", equalTo("CREATED"));
        given().get("/api/v1/feedback?channel=APP_REVIEW&q=" + "希望尽快修复").then().statusCode(200)
                .body("items[0].details.store", equalTo("HUAWEI"))
                .body("items[0].intent", equalTo("BUG"));
    }

    @Test
    void jsonArrayAndNdjsonGiveAResultPerItem() {
        String p = UUID.randomUUID().toString();
        String array = "[{\"channel\":\"SOCIAL\",\"externalId\":\"" + p + "-a\",\"platform\":\"WEIBO\",\"url\":\"https://weibo.com/1/2\","
                + "\"authorHandle\":\"@小王\",\"text\":\"这个app太垃圾了，客服一直不回复\"},"
                + "{\"channel\":\"NOPE\",\"text\":\"x\"},"
                + "42]";
        given().contentType("application/json").body(array).post("/api/v1/feedback/batch").then().statusCode(200)
                .body("items.status", equalTo(java.util.List.of("CREATED", "REJECTED", "REJECTED")))
                .body("items[1].reason", startsWith("channel"));
        String ndjson = "{\"channel\":\"IN_APP\",\"externalId\":\"" + p + "-n1\",\"text\":\"How do I change my password?\"}\n"
                + "{not json}\n"
                + "{\"externalId\":\"" + p + "-n3\",\"text\":\"Dark mode please\"}\n";
        given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/v1/feedback/batch?channel=IN_APP").then().statusCode(200)
                .body("items.status", equalTo(java.util.List.of("CREATED", "REJECTED", "CREATED")));
    }

    @Test
    void rejectsBodiesThatAreNotABatch() {
        given().contentType("application/json").body("{\"channel\":\"IN_APP\"}").post("/api/v1/feedback/batch")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/xml").body("<a/>".getBytes(StandardCharsets.UTF_8)).post("/api/v1/feedback/batch")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("text/csv").body("text\nhello\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/feedback/batch?channel=FAX")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
