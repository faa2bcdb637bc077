package dev.vocloop.feedback.items;

import dev.vocloop.testing.TestTokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.commons.Ids;
import dev.vocloop.feedback.classification.Classification;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import dev.vocloop.feedback.classification.TextSignature;
import dev.vocloop.feedback.priority.Priority;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class FeedbackResourceTest {

    @Test
    void classifiesAndStoresChineseInAppFeedback() {
        given().header(TestTokens.as("CUSTOMER_APP")).contentType(ContentType.JSON).body("""
                {"channel":"IN_APP","text":"支付的时候app闪退了，钱扣了但订单没有","customer":{"id":"c-1001","email":"li.wei@example.com","locale":"zh-CN"}}""")
                .post("/api/v1/feedback").then().statusCode(201)
                .body("id", notNullValue())
                .body("language", equalTo("zh"))
                .body("intent", equalTo("BUG"))
                .body("sentiment", equalTo("NEGATIVE"))
                .body("priority.level", notNullValue())
                .body("priority.reasons.code", hasItem("URGENT_PHRASE"))
                .body("loopStatus", equalTo("PENDING"))
                .body("customer.email", nullValue());
    }

    @Test
    void aCustomerAppActsOnlyForTheCustomerItProved() {
        String c1 = "c-idv-" + UUID.randomUUID();
        String c2 = "c-idv-" + UUID.randomUUID();
        // The gateway proved c1 (identity signature): c2 is refused, c1 and no customer are accepted.
        given().header(TestTokens.customerApp(c1, true)).contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "Checkout is slow", "customer", Map.of("id", c2)))
                .post("/api/v1/feedback").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/customer-mismatch"));
        given().header(TestTokens.as("ADMIN")).get("/api/v1/feedback?customerId=" + c2).then().statusCode(200)
                .body("items", hasSize(0));
        String own = given().header(TestTokens.customerApp(c1, true)).contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "Checkout is slow", "customer", Map.of("id", c1)))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        // No customer named: filed under the proved one.
        String filled = given().header(TestTokens.customerApp(c1, true)).contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "The search finds nothing"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        given().header(TestTokens.as("ADMIN")).get("/api/v1/feedback/" + own).then().body("customer.id", equalTo(c1));
        given().header(TestTokens.as("ADMIN")).get("/api/v1/feedback/" + filled).then().body("customer.id", equalTo(c1));

        // A key that requires a proof but sent none: anonymous feedback only.
        given().header(TestTokens.customerApp(null, true)).contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "Checkout is slow", "customer", Map.of("id", c1)))
                .post("/api/v1/feedback").then().statusCode(403).body("type", equalTo("/problems/customer-mismatch"));
        String anonymous = given().header(TestTokens.customerApp(null, true)).contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "Checkout is slow again"))
                .post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        given().header(TestTokens.as("ADMIN")).get("/api/v1/feedback/" + anonymous).then().body("customer", nullValue());
        // A key with verification off (created before it existed) names any customer, as before.
        given().header(TestTokens.customerApp(null, false)).contentType(ContentType.JSON)
                .body(Map.of("channel", "IN_APP", "text", "Checkout is slow", "customer", Map.of("id", "c-idv-3")))
                .post("/api/v1/feedback").then().statusCode(201);
    }

    @Test
    void sameChannelAndExternalIdAnswers200WithTheSameItem() {
        String externalId = "rev-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("channel", "APP_REVIEW", "externalId", externalId, "rating", 1,
                "text", "Keeps crashing after the latest update");
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/feedback")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/feedback")
                .then().statusCode(200).body("id", equalTo(id));
        // The same externalId on another channel is another item.
        given().contentType(ContentType.JSON).body(Map.of("channel", "SOCIAL", "externalId", externalId, "text", "crashes"))
                .post("/api/v1/feedback").then().statusCode(201).body("id", not(equalTo(id)));
    }

    @Test
    void concurrentDuplicatesMakeOneItem() throws Exception {
        String externalId = "mail-" + UUID.randomUUID();
        String json = "{\"channel\":\"EMAIL\",\"externalId\":\"" + externalId + "\",\"text\":\"I was charged twice for my subscription\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).body(json).post("/api/v1/feedback"));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                statuses.add(f.get().statusCode());
                ids.add(f.get().path("id"));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one creation: " + statuses);
            assertEquals(15, statuses.stream().filter(s -> s == 200).count(), "the rest see the stored item: " + statuses);
            assertEquals(1, ids.stream().distinct().count(), "all answers name the same item");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void masksPersonalDataExceptForAgentsAndAdmins() {
        // A customer app submits, and hears its item back masked: its key is public.
        String id = given().header(TestTokens.as("CUSTOMER_APP")).contentType(ContentType.JSON).body(Map.of("channel", "IN_APP",
                        "text", "Can't log in, call me on 13812345678 or mail li.wei@example.com",
                        "customer", Map.of("id", "c-7", "email", "li.wei@example.com")))
                .post("/api/v1/feedback").then().statusCode(201)
                .body("text", equalTo("Can't log in, call me on [PHONE] or mail [EMAIL]"))
                .body("originalText", nullValue())
                .extract().path("id");
        given().header(TestTokens.as("ADMIN")).get("/api/v1/feedback/" + id).then().statusCode(200)
                .body("originalText", equalTo("Can't log in, call me on 13812345678 or mail li.wei@example.com"))
                .body("customer.email", equalTo("li.wei@example.com"));
        given().header(TestTokens.as("PRODUCT")).get("/api/v1/feedback/" + id).then().statusCode(200)
                .body("originalText", nullValue()).body("customer.email", nullValue());
        // Agents read the original on their tickets, which carry it; the feedback API is not theirs.
        given().header(TestTokens.as("AGENT", "billing")).get("/api/v1/feedback/" + id).then().statusCode(403);
        // A customer app may submit but not read.
        given().header(TestTokens.as("CUSTOMER_APP")).get("/api/v1/feedback/" + id).then().statusCode(403);
        // The list never carries the original, whatever the role.
        given().header(TestTokens.as("ADMIN")).get("/api/v1/feedback?customerId=c-7").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].originalText", nullValue());
    }

    @Test
    void rejectsBadInputWithProblemJson() {
        post("{\"channel\":\"IN_APP\",\"text\":\"   \"}", 400);
        post("{\"channel\":\"IN_APP\"}", 400);
        post("{\"channel\":\"FAX\",\"text\":\"hello\"}", 400);
        post("{\"channel\":\"IN_APP\",\"text\":\"hello\",\"rating\":6}", 400);
        post("{\"channel\":\"IN_APP\",\"text\":\"hello\"", 400);
        post("{\"channel\":\"IN_APP\",\"text\":\"" + "a".repeat(10_001) + "\"}", 400);
        post("{\"channel\":\"IN_APP\",\"text\":\"x\",\"customer\":{\"email\":\"not-an-email\"}}", 400);
        given().contentType(ContentType.TEXT).body("hello").post("/api/v1/feedback").then().statusCode(415)
                .contentType("application/problem+json");
        given().get("/api/v1/feedback/does-not-exist").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/feedback?channel=FAX").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/feedback?from=yesterday").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/feedback?cursor=%%%").then().statusCode(400).contentType("application/problem+json");
    }

    @Inject
    FeedbackRepository repository;

    private void store(Intent intent, String topic, String text) {
        Instant now = Instant.now();
        Feedback f = new Feedback(Ids.newId(), Channel.IN_APP, null, text, text, null,
                new Classification("en", intent, 0.9, topic, 0.9, Sentiment.NEGATIVE, -0.5, false),
                false, new Priority(40, "P3", List.of()), LoopStatus.NOT_ACTIONABLE, null, null, null, null, null, null, Map.of(),
                now, now, now, null);
        assertTrue(repository.insertIfAbsent(f, TextSignature.of(text)));
    }

    @Test
    void similarItemsAreThoseWithASimilarTextNotEverythingWithTheSameLabels() {
        // A topic of this test's own, so that the count does not depend on other tests or on the classifier.
        String topic = "SIMILAR-" + UUID.randomUUID();
        store(Intent.BUG, topic, "The zebra ledger screen crashes whenever I export the quarterly ledger");
        store(Intent.BUG, topic, "Exporting the quarterly ledger crashes the zebra ledger screen every time");
        store(Intent.BUG, topic, "Zebra ledger export crashed again on the quarterly ledger, screen closes");
        store(Intent.BUG, topic, "The walrus calendar widget crashes whenever I drag a meeting to friday");
        store(Intent.FEATURE_REQUEST, topic, "Please let the zebra ledger screen export the quarterly ledger");
        int[] probe = TextSignature.of("Quarterly ledger export in the zebra ledger screen crashes");
        Instant dayAgo = Instant.now().minus(Duration.ofHours(24));
        // The same-labels count would be 4; the walrus report and the feature request are not among them.
        assertEquals(3, repository.countSimilarSince(Intent.BUG, topic, dayAgo, probe, 0.3, 200));
        long capped = repository.countSimilarSince(Intent.BUG, topic, dayAgo, probe, 0.3, 2);
        assertTrue(capped <= 2, "compared with at most 2 candidates: " + capped);
        assertEquals(0, repository.countSimilarSince(Intent.BUG, topic, Instant.now().plusSeconds(60), probe, 0.3, 200),
                "only items since the given time");
    }

    @Test
    void theSignatureStaysInside() {
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "IN_APP", "text", "The export button does nothing"))
                .post("/api/v1/feedback").then().statusCode(201).body("signature", nullValue()).extract().path("id");
        given().get("/api/v1/feedback/" + id).then().statusCode(200).body("signature", nullValue());
    }

    @Test
    void removesControlCharacters() {
        given().contentType(ContentType.JSON).body(Map.of("channel", "IN_APP", "text", "bad\u0000 app\u0007 crash"))
                .post("/api/v1/feedback").then().statusCode(201).body("text", equalTo("bad app crash"));
    }

    @Test
    void surveyHandOverIsIdempotentOnTheResponseIdAndCountsTheDetractor() {
        String body = """
                {"channel":"SURVEY","externalId":"resp-%s","text":"NPS score 3 of 10 (no comment)","customer":{"id":"c-9","tier":"gold"},
                 "survey":{"surveyId":"s-1","type":"NPS","score":3}}""".formatted(UUID.randomUUID());
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", "survey-response:r1").body(body)
                .post("/internal/feedback").then().statusCode(201)
                .body("channel", equalTo("SURVEY"))
                .body("survey.score", equalTo(3))
                .body("priority.reasons.code", hasItem("NPS_DETRACTOR"))
                .body("priority.reasons.code", hasItem("CUSTOMER_VALUE"))
                .extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "survey-response:r1").body(body)
                .post("/internal/feedback").then().statusCode(200).body("id", equalTo(id));
        given().contentType(ContentType.JSON).body(body.replace("\"score\":3", "\"score\":11"))
                .post("/internal/feedback").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void supportChatKeepsTheCustomersWordsAsText() {
        given().contentType(ContentType.JSON).body("""
                {"channel":"SUPPORT_CHAT","externalId":"chat-%s","messages":[
                 {"role":"CUSTOMER","text":"我的订单三天了还没发货","at":"2026-11-27T10:00:00Z"},
                 {"role":"AGENT","text":"您好，我帮您查一下物流信息"},
                 {"role":"CUSTOMER","text":"麻烦快一点，急用"}]}""".formatted(UUID.randomUUID()))
                .post("/api/v1/feedback").then().statusCode(201)
                .body("text", equalTo("我的订单三天了还没发货\n麻烦快一点，急用"))
                .body("topic", equalTo("DELIVERY"))
                .body("details.transcript[1].role", equalTo("AGENT"))
                .body("details.transcript", org.hamcrest.Matchers.hasSize(3));
    }

    @Test
    void publicSocialPostRaisesPriority() {
        given().contentType(ContentType.JSON).body(Map.of("channel", "SOCIAL", "platform", "WEIBO", "publicPost", true,
                        "url", "https://weibo.com/123/456", "authorHandle", "@user", "text", "这个app太垃圾了，又闪退，数据丢失了！"))
                .post("/api/v1/feedback").then().statusCode(201)
                .body("priority.reasons.code", hasItem("PUBLIC_CHANNEL"))
                .body("details.platform", equalTo("WEIBO"));
    }

    @Test
    void rejectsOversizedBodyWith413AndInvalidUtf8With400() {
        String big = "{\"channel\":\"IN_APP\",\"text\":\"ok\",\"page\":\"" + "x".repeat(70_000) + "\"}";
        given().contentType(ContentType.JSON).body(big).post("/api/v1/feedback").then().statusCode(413)
                .contentType("application/problem+json");
        byte[] prefix = "{\"channel\":\"IN_APP\",\"text\":\"caf".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(prefix, prefix.length + 4);
        bad[prefix.length] = (byte) 0xC3;
        bad[prefix.length + 1] = (byte) 0x28;
        bad[prefix.length + 2] = '"';
        bad[prefix.length + 3] = '}';
        given().contentType("application/json").body(bad).post("/api/v1/feedback").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static void post(String json, int status) {
        given().contentType(ContentType.JSON).body(json).post("/api/v1/feedback").then().statusCode(status)
                .contentType("application/problem+json").body("status", equalTo(status));
    }
}
