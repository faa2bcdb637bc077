package dev.vocloop.feedback.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import dev.vocloop.commons.Ids;
import dev.vocloop.feedback.classification.Classification;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.feedback.items.Channel;
import dev.vocloop.feedback.items.Feedback;
import dev.vocloop.feedback.items.FeedbackRepository;
import dev.vocloop.feedback.items.LoopStatus;
import dev.vocloop.feedback.priority.Priority;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The keyword filter q of the product API: grams through the index, the exact substring decides. */
@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class KeywordSearchTest {

    @Inject
    FeedbackRepository repository;

    @Inject
    SearchGramBackfill backfill;

    @Test
    void findsChineseSubstrings() {
        String product = product();
        String id = submit(product, "更新后一直闪退，根本打不开");
        assertFound(product, "闪退", id);
        assertFound(product, "一直闪退", id);
        assertFound(product, "闪", id); // one character, no bigram: the substring search alone
        assertNotFound(product, "退款");
        assertNotFound(product, "闪退了");
    }

    @Test
    void findsEnglishInsideWordsWhateverTheCase() {
        String product = product();
        String id = submit(product, "The app crashes on startup");
        assertFound(product, "crash", id);
        assertFound(product, "CRASHES", id);
        assertFound(product, "rtup", id);
        assertFound(product, "ap", id); // too short for a gram and part of "app"
        assertFound(product, "app crashes on", id);
        assertNotFound(product, "crashed");
    }

    @Test
    void findsMixedText() {
        String product = product();
        String id = submit(product, "支付页面app闪退，版本5.2.0");
        assertFound(product, "app闪退", id);
        assertFound(product, "页面APP", id);
        assertFound(product, "5.2.0", id);
        assertNotFound(product, "5.2.1");
    }

    @Test
    void gramsThatDoNotOccurTogetherDoNotMatch() {
        String product = product();
        String en = "report: the app crash";
        String zh = "更新后闪退，新闪屏也坏了";
        submit(product, en);
        submit(product, zh);
        // Every gram of each query is in one of the texts, so the index alone would answer it; the substring decides.
        assertTrue(SearchGrams.of(en).containsAll(SearchGrams.ofQuery("crash report")));
        assertTrue(SearchGrams.of(zh).containsAll(SearchGrams.ofQuery("更新闪退")));
        assertNotFound(product, "crash report");
        assertNotFound(product, "更新闪退");
    }

    @Test
    void maskedPersonalDataIsNeitherSearchableNorIndexed() {
        String product = product();
        String id = submit(product, "付款失败，请联系 zhou.qzxv@example.com 或 13912345678");
        assertNotFound(product, "13912345678");
        assertNotFound(product, "qzxv");
        assertNotFound(product, "example.com");
        assertFound(product, "付款失败", id);
        Document stored = repository.collection().find(Filters.eq("_id", id)).first();
        List<String> grams = stored.getList(FeedbackRepository.SEARCH_GRAMS, String.class);
        assertEquals(SearchGrams.of(stored.getString("textMasked")), grams, "the grams of the masked text");
        assertFalse(grams.contains("qzx") || grams.contains("391") || grams.contains("exa"), "nothing of the original: " + grams);
    }

    @Test
    void theGramsStayInside() {
        String product = product();
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "IN_APP", "product", product,
                        "text", "Export button does nothing")).post("/api/v1/feedback").then().statusCode(201)
                .body("searchGrams", nullValue()).extract().path("id");
        given().get("/api/v1/feedback/" + id).then().statusCode(200).body("searchGrams", nullValue());
        given().queryParam("product", product).queryParam("q", "export").get("/api/v1/feedback").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id)).body("items[0].searchGrams", nullValue());
        List<String> csv = given().accept("text/csv").queryParam("product", product).queryParam("q", "export")
                .get("/api/v1/feedback").then().statusCode(200).extract().asString().lines().toList();
        assertEquals(2, csv.size(), "header and the one item: " + csv);
        assertFalse(csv.get(0).contains("searchGrams") || csv.get(1).contains("exp"), String.join("\n", csv));
    }

    @Test
    void backfillMakesItemsStoredBeforeTheGramsFindable() {
        String product = product();
        // As stored by the release before: no searchGrams field.
        Feedback old = stored(product, "Call me on 13812345678, the app crashes at checkout", "Call me on [PHONE], the app crashes at checkout");
        Feedback tiny = stored(product, "好", "好");
        repository.collection().insertOne(FeedbackRepository.toDocument(old));
        repository.collection().insertOne(FeedbackRepository.toDocument(tiny));
        // Without grams the $all leaves it out: that is what the backfill is for.
        assertNotFound(product, "crashes at");

        assertTrue(backfill.run() >= 2);
        assertEquals(0, backfill.run(), "nothing left to fill");

        assertFound(product, "crashes at", old.id());
        assertFound(product, "好", tiny.id());
        assertNotFound(product, "13812345678");
        List<String> grams = repository.collection().find(Filters.eq("_id", old.id())).first()
                .getList(FeedbackRepository.SEARCH_GRAMS, String.class);
        assertEquals(SearchGrams.of(old.textMasked()), grams, "from the masked text, never the original");
        assertEquals(List.of(), repository.collection().find(Filters.eq("_id", tiny.id())).first()
                .getList(FeedbackRepository.SEARCH_GRAMS, String.class), "no grams is an empty list, not a missing field");
    }

    private static Feedback stored(String product, String text, String masked) {
        Instant now = Instant.now();
        return new Feedback(Ids.newId(), Channel.IN_APP, null, text, masked, null,
                new Classification("en", Intent.BUG, 0.9, "OTHER", 0.9, Sentiment.NEGATIVE, -0.5, false),
                false, new Priority(40, "P3", List.of()), LoopStatus.NOT_ACTIONABLE, null, null, null, product, null, null,
                Map.of(), now, now, now, null);
    }

    private static String product() {
        return "search-" + UUID.randomUUID();
    }

    private static String submit(String product, String text) {
        return given().contentType(ContentType.JSON).body(Map.of("channel", "IN_APP", "product", product, "text", text))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }

    private static void assertFound(String product, String q, String id) {
        given().queryParam("product", product).queryParam("q", q).get("/api/v1/feedback").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    private static void assertNotFound(String product, String q) {
        given().queryParam("product", product).queryParam("q", q).get("/api/v1/feedback").then().statusCode(200)
                .body("items", hasSize(0));
    }
}
