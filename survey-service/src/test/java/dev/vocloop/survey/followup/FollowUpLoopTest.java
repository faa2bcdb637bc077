package dev.vocloop.survey.followup;

import dev.vocloop.testing.TestTokens;
import org.eclipse.microprofile.jwt.JsonWebToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocloop.survey.support.Eventually;
import dev.vocloop.survey.support.HandOverStub;
import dev.vocloop.survey.support.Mailbox;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.testing.SmtpResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(HandOverStub.class)
class FollowUpLoopTest {

    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTParser jwtParser;

    private static final Pattern YES = Pattern.compile("(http://gateway\\.test/follow-up/([A-Za-z0-9_-]+))\\?solved=yes");
    private static final Pattern NO = Pattern.compile("http://gateway\\.test/follow-up/([A-Za-z0-9_-]+)\\?solved=no");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("http://gateway\\.test/unsubscribe/([A-Za-z0-9_-]+)");

    @Inject
    EntityManager em;

    @Inject
    FollowUpService followUps;

    private final ObjectMapper json = new ObjectMapper();

    static String request(String ticketId, int resolution, String customerId, String email, String locale, String resolutionText) {
        return """
                {"ticketId":"%s","resolutionCount":%d,"feedbackIds":["fb-%s"],
                 "customer":{"id":"%s",%s"name":"Li Wei","locale":"%s","tier":"gold"},
                 "resolution":"%s","channel":"EMAIL"}
                """.formatted(ticketId, resolution, ticketId, customerId,
                email == null ? "" : "\"email\":\"" + email + "\",", locale, resolutionText);
    }

    static String create(String ticketId, String customerId, String email, String locale, String resolutionText) {
        return given().contentType("application/json").header("Idempotency-Key", "ticket:" + ticketId + ":resolution:1")
                .body(request(ticketId, 1, customerId, email, locale, resolutionText))
                .when().post("/internal/follow-ups")
                .then().statusCode(201).body("status", equalTo("PENDING")).body("channel", equalTo(email == null ? "IN_APP" : "EMAIL"))
                .extract().path("id");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String group(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), "no " + p + " in mail:\n" + text);
        return m.group(group);
    }

    private JsonNode body(HandOverStub.Call call) {
        try {
            return json.readTree(call.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<HandOverStub.Call> awaitCall(String key) {
        return Eventually.await("hand-over " + key, Duration.ofSeconds(20), () -> HandOverStub.callsWithKey(key), l -> !l.isEmpty());
    }

    @Test
    void chineseCustomerGetsChineseMailAndYesClosesTheLoop() throws Exception {
        String ticket = unique("t");
        String email = unique("li") + "@example.com";
        String id = create(ticket, unique("c"), email, "zh-CN", "已修复支付闪退问题，并已退款");

        MimeMessage mail = Mailbox.awaitOne(email);
        String text = Mailbox.text(mail);
        assertEquals("您反馈的问题已处理，请问解决了吗？", mail.getSubject());
        assertTrue(text.contains("已修复支付闪退问题，并已退款"), text);
        assertTrue(text.contains("问题解决了吗"), text);
        assertTrue(text.contains("1-5 分"), text);
        String token = group(YES, text, 2);
        assertEquals(token, group(NO, text, 1), "yes and no links carry the same token");
        assertTrue(token.length() >= 22, "at least 128 bits of token");
        assertNotNull(mail.getHeader("List-Unsubscribe"));
        assertTrue(mail.getHeader("List-Unsubscribe")[0].contains("/api/v1/unsubscribe/"));

        // the link works: the token opens the follow-up, which is SENT once the mail left
        given().when().get("/api/v1/follow-ups/" + token).then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("SENT")).body("resolution", containsString("退款"));

        // the customer clicking the link has no key: the gateway vouches for a CUSTOMER
        given().header(TestTokens.as("CUSTOMER")).contentType("application/json").body("{\"solved\":true,\"rating\":5,\"comment\":\"谢谢\"}")
                .when().post("/api/v1/follow-ups/" + token + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("solved", equalTo(true));

        HandOverStub.Call outcome = awaitCall("follow-up:" + id + ":outcome").get(0);
        assertEquals("/internal/tickets/" + ticket + "/follow-up-outcome", outcome.path());
        // signed as survey-service, verifiable with the platform key
        JsonWebToken signed = jwtParser.parse(outcome.authorization().substring("Bearer ".length()));
        assertEquals("survey-service", signed.getSubject());
        assertEquals(java.util.Set.of("SERVICE"), signed.getGroups());
        JsonNode o = body(outcome);
        assertEquals("SOLVED", o.get("outcome").asText());
        assertEquals(id, o.get("followUpId").asText());
        assertEquals(5, o.get("rating").asInt());
        assertEquals("谢谢", o.get("comment").asText());
        assertNotNull(o.get("at").asText());

        HandOverStub.Call loop = awaitCall("follow-up:" + id + ":loop").get(0);
        assertEquals("/internal/feedback/loop-outcome", loop.path());
        JsonNode l = body(loop);
        assertEquals("CLOSED", l.get("outcome").asText());
        assertEquals(ticket, l.get("ticketId").asText());
        assertEquals("fb-" + ticket, l.get("feedbackIds").get(0).asText());

        // a used token cannot answer twice
        given().contentType("application/json").body("{\"solved\":false}")
                .when().post("/api/v1/follow-ups/" + token + "/answer")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void englishCustomerGetsEnglishMailAndNoReopens() throws Exception {
        String ticket = unique("t");
        String email = unique("ann") + "@example.com";
        String id = create(ticket, unique("c"), email, "en-GB", "We fixed the login timeout.");

        MimeMessage mail = Mailbox.awaitOne(email);
        String text = Mailbox.text(mail);
        assertEquals("We fixed your issue. Is it solved?", mail.getSubject());
        assertTrue(text.contains("We fixed the login timeout."), text);
        assertTrue(text.contains("Was this solved?"), text);
        assertTrue(text.contains("from 1 to 5"), text);
        String token = group(NO, text, 1);

        given().contentType("application/json").body("{\"solved\":false,\"rating\":2}")
                .when().post("/api/v1/follow-ups/" + token + "/answer").then().statusCode(200);

        assertEquals("NOT_SOLVED", body(awaitCall("follow-up:" + id + ":outcome").get(0)).get("outcome").asText());
        JsonNode loop = body(awaitCall("follow-up:" + id + ":loop").get(0));
        assertEquals("REOPENED", loop.get("outcome").asText());
        assertEquals(2, loop.get("rating").asInt());
    }

    @Test
    void repeatedRequestIsAnsweredTheSameAndMailsOnce() {
        String ticket = unique("t");
        String email = unique("rep") + "@example.com";
        String body = request(ticket, 1, unique("c"), email, "en", "Done.");
        String key = "ticket:" + ticket + ":resolution:1";
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/internal/follow-ups").then().statusCode(201).extract().asString();
        String again = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/internal/follow-ups").then().statusCode(201).extract().asString();
        assertEquals(first, again, "a repeated key gets the first answer");
        String id = given().contentType("application/json").header("Idempotency-Key", "other-key-" + ticket).body(body)
                .when().post("/internal/follow-ups").then().statusCode(200).extract().path("id");
        assertTrue(first.contains(id), "the same resolution is the same follow-up under any key");

        // the next resolution of the same ticket is a new follow-up
        given().contentType("application/json").body(request(ticket, 2, "c-x", null, "en", "Done again."))
                .when().post("/internal/follow-ups").then().statusCode(201).body("channel", equalTo("IN_APP"));

        Mailbox.awaitOne(email);
        given().queryParam("ticketId", ticket).when().get("/api/v1/follow-ups").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.resolutionCount == 1 }.mail.status", equalTo("SENT"))
                .body("items.find { it.resolutionCount == 2 }.url", notNullValue());
        assertEquals(1, Mailbox.to(email).size(), "exactly one mail for one resolution");
    }

    @Test
    void concurrentDeliveriesOfOneResolutionCreateOneFollowUp() throws Exception {
        String ticket = unique("t");
        String body = request(ticket, 1, unique("c"), null, "en", "Done.");
        List<java.util.concurrent.Callable<Integer>> calls = java.util.Collections.nCopies(6, () ->
                given().contentType("application/json").header("Idempotency-Key", "ticket:" + ticket + ":resolution:1")
                        .body(body).when().post("/internal/follow-ups").then().extract().statusCode());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<Integer> statuses = pool.invokeAll(calls).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        Long rows = QuarkusTransaction.requiringNew().call(() -> (Long) em.createQuery(
                "select count(f) from FollowUp f where f.ticketId = :t").setParameter("t", ticket).getSingleResult());
        assertEquals(1L, rows);
    }

    @Test
    void invalidInputIsAProblem() {
        given().contentType("application/json").body("{\"resolutionCount\":1,\"customer\":{\"id\":\"c\"},\"resolution\":\"x\"}")
                .when().post("/internal/follow-ups").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("ticketId"));
        given().contentType("application/json").body("{\"ticketId\":")
                .when().post("/internal/follow-ups").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body(request("t-bad", 1, "c", "not-an-address", "en", "x"))
                .when().post("/internal/follow-ups").then().statusCode(400);
        given().when().get("/api/v1/follow-ups").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void answerIsValidatedAndUnknownTokensAre404() {
        String ticket = unique("t");
        String email = unique("val") + "@example.com";
        create(ticket, unique("c"), email, "en", "Fixed.");
        String token = group(YES, Mailbox.text(Mailbox.awaitOne(email)), 2);
        for (String bad : List.of("{\"solved\":true,\"rating\":6}", "{\"solved\":true,\"rating\":0}", "{\"rating\":3}",
                "{\"solved\":\"perhaps\"}", "{\"solved\":true,\"comment\":\"" + "x".repeat(5001) + "\"}")) {
            given().contentType("application/json").body(bad).when().post("/api/v1/follow-ups/" + token + "/answer")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType("application/json").body("{\"solved\":true}")
                .when().post("/api/v1/follow-ups/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/answer").then().statusCode(404);
        given().contentType("application/json").body("{\"solved\":true}")
                .when().post("/api/v1/follow-ups/x/answer").then().statusCode(404);
        // the bad answers changed nothing: the token still works
        given().contentType("application/json").body("{\"solved\":true}")
                .when().post("/api/v1/follow-ups/" + token + "/answer").then().statusCode(200);
    }

    @Test
    void expiredFollowUpAnswers410AndSilenceClosesUnconfirmed() {
        String ticket = unique("t");
        String email = unique("exp") + "@example.com";
        String id = create(ticket, unique("c"), email, "en", "Fixed.");
        String token = group(YES, Mailbox.text(Mailbox.awaitOne(email)), 2);
        String late = create(unique("t"), unique("c"), null, "en", "Fixed.");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE follow_ups SET expires_at = now() - interval '1 minute' WHERE id IN (:a, :b)")
                .setParameter("a", id).setParameter("b", late).executeUpdate());

        given().contentType("application/json").body("{\"solved\":true}")
                .when().post("/api/v1/follow-ups/" + token + "/answer").then().statusCode(410).contentType("application/problem+json");

        assertTrue(followUps.expireDue() >= 2);
        given().queryParam("ticketId", ticket).when().get("/api/v1/follow-ups").then()
                .body("items[0].status", equalTo("EXPIRED"));
        JsonNode outcome = body(awaitCall("follow-up:" + id + ":outcome").get(0));
        assertEquals("EXPIRED", outcome.get("outcome").asText());
        assertEquals("CLOSED_UNCONFIRMED", body(awaitCall("follow-up:" + id + ":loop").get(0)).get("outcome").asText());
        assertEquals("EXPIRED", body(awaitCall("follow-up:" + late + ":outcome").get(0)).get("outcome").asText());
        // a second run finds nothing more to expire for these two, and answering stays 410
        followUps.expireDue();
        assertEquals(1, HandOverStub.callsWithKey("follow-up:" + id + ":outcome").size());
        given().contentType("application/json").body("{\"solved\":true}")
                .when().post("/api/v1/follow-ups/" + token + "/answer").then().statusCode(410);
    }

    @Test
    void unsubscribedCustomerGetsNoFurtherFollowUpMail() throws Exception {
        String customer = unique("c");
        String email = unique("opt") + "@example.com";
        create(unique("t"), customer, email, "en", "Fixed.");
        String text = Mailbox.text(Mailbox.awaitOne(email));
        // the mail's link opens the console's confirmation page; its button calls the API
        String path = "/api/v1/unsubscribe/" + group(UNSUBSCRIBE, text, 1);
        given().when().get(path).then().statusCode(200).body(containsString("已退订"));
        given().when().post(path).then().statusCode(200).body("status", equalTo("UNSUBSCRIBED"));
        given().when().post("/api/v1/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404);

        String second = create(unique("t"), customer, email, "en", "Fixed again.");
        // the follow-up exists (ticket-service gets its answer) but no mail is queued for it
        QuarkusTransaction.requiringNew().run(() -> assertEquals(0L, em.createQuery(
                "select count(m) from OutgoingMail m where m.followUpId = :id").setParameter("id", second).getSingleResult()));
        Thread.sleep(300);
        assertEquals(1, Mailbox.to(email).size());
    }
}
