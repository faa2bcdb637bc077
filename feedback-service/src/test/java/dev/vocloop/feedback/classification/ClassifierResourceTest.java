package dev.vocloop.feedback.classification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.vocloop.feedback.Eventually;
import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.testing.MongoResource;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class ClassifierResourceTest {

    @Inject
    ClassifierService service;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private static String predictIntent(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("text", text))))
                .post("/api/v1/classifier/predict").then().statusCode(200).extract().path("items[0].intent");
    }

    @Test
    void predictsZhAndEnInInputOrderWithConfidences() {
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(
                        Map.of("text", "更新以后一直闪退，登录不了"),
                        Map.of("text", "Please add a dark mode, it would be great"),
                        Map.of("text", "客服态度很好，非常满意，谢谢"),
                        Map.of("text", "How do I change my password?"))))
                .post("/api/v1/classifier/predict").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items[0].language", equalTo("zh")).body("items[0].intent", equalTo("BUG"))
                .body("items[0].sentiment", equalTo("NEGATIVE"))
                .body("items[1].language", equalTo("en")).body("items[1].intent", equalTo("FEATURE_REQUEST"))
                .body("items[2].intent", equalTo("PRAISE")).body("items[2].sentiment", equalTo("POSITIVE"))
                .body("items[3].intent", equalTo("QUESTION")).body("items[3].topic", equalTo("ACCOUNT"))
                .body("items[0].intentConfidence", notNullValue()).body("items[0].needsTriage", notNullValue());
    }

    @Test
    void rejectsEmptyAndOversizedPredictions() {
        given().contentType(ContentType.JSON).body(Map.of("items", List.of())).post("/api/v1/classifier/predict")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("items", java.util.Collections.nCopies(1001, Map.of("text", "x"))))
                .post("/api/v1/classifier/predict").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"items\":[{\"text\":\"x\",\"intent\":\"NOPE\"}]}")
                .post("/api/v1/classifier/examples").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void retrainsByItselfWhenTheStoredModelIsFromAnOlderRelease() {
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("text", "the sync button does nothing", "intent", "BUG"))))
                .post("/api/v1/classifier/examples").then().statusCode(200);
        // What an upgrade finds: the version in use was stored in a format this release cannot read.
        MongoCollection<Document> models = mongo.getDatabase(database).getCollection("classifier_models");
        String old = "stored-by-an-older-release";
        models.replaceOne(Filters.eq("_id", "model:" + old), new Document("_id", "model:" + old).append("intent", new Binary(new byte[] {1, 2, 3})),
                new ReplaceOptions().upsert(true));
        models.replaceOne(Filters.eq("_id", "current"), new Document("_id", "current").append("version", old).append("examples", 1),
                new ReplaceOptions().upsert(true));

        service.refresh();

        String stored = Eventually.await(Duration.ofSeconds(30), () -> models.find(Filters.eq("_id", "current")).first().getString("version"),
                v -> !v.equals(old));
        Eventually.await(Duration.ofSeconds(30), () -> given().get("/api/v1/classifier").then().statusCode(200).extract().<String>path("version"),
                stored::equals);
    }

    @Test
    void learnsFromCorrectionsInTheBackground() {
        // A made-up product word the seeds and lexicon cannot know.
        String probe = "the qubble panel shows zorblax again";
        String before = predictIntent(probe);
        String versionBefore = given().get("/api/v1/classifier").then().statusCode(200).extract().path("version");
        org.junit.jupiter.api.Assertions.assertNotEquals("BUG", before, "precondition: unknown words are not a BUG yet");
        String[] texts = {"zorblax in the qubble panel", "qubble panel zorblax after restart", "zorblax zorblax on qubble",
                "every morning the qubble panel zorblax", "qubble zorblax when syncing", "qubble panel went zorblax today",
                "my qubble zorblax", "the qubble keeps zorblax", "qubble zorblax since monday", "zorblax qubble panel"};
        for (String t : texts) {
            String id = given().contentType(ContentType.JSON).body(Map.of("channel", "IN_APP", "text", t))
                    .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
            given().contentType(ContentType.JSON).body(Map.of("intent", "BUG", "topic", "USABILITY"))
                    .patch("/api/v1/feedback/" + id).then().statusCode(200)
                    .body("intent", equalTo("BUG")).body("corrected", equalTo(true)).body("needsTriage", equalTo(false));
        }
        Eventually.await(Duration.ofSeconds(30), () -> predictIntent(probe), "BUG"::equals);
        given().get("/api/v1/classifier").then().statusCode(200)
                .body("version", not(equalTo(versionBefore)))
                .body("examples", greaterThanOrEqualTo(10))
                .body("labels.intent.BUG", greaterThanOrEqualTo(10));
    }

    @Test
    void trainAnswersWithVersionAndHeldBackQuality() {
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(
                        Map.of("text", "扣费两次了", "intent", "COMPLAINT", "topic", "BILLING", "sentiment", "NEGATIVE"),
                        Map.of("text", "Great app", "sentiment", "POSITIVE"))))
                .post("/api/v1/classifier/examples").then().statusCode(200).body("imported", equalTo(2));
        given().post("/api/v1/classifier/train").then().statusCode(200)
                .body("version", notNullValue()).body("quality.intent", notNullValue());
        given().contentType(ContentType.JSON).body("{\"intent\":\"BUG\"}").patch("/api/v1/feedback/unknown-id")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
