package dev.vocloop.survey.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
class SurveyFlowTest {

    private static final Pattern SURVEY_LINK = Pattern.compile("http://gateway\\.test/survey/([A-Za-z0-9_-]+)");

    @Inject
    EntityManager em;

    static String survey(String type) {
        return given().contentType("application/json")
                .body("""
                        {"type":"%s","name":"Quarterly %s","questions":{"zh-CN":"您有多大可能向朋友推荐我们？","en":"How likely are you to recommend us?"},
                         "followUpQuestions":{"zh-CN":"您打分的主要原因是什么？","en":"What is the main reason for your score?"}}"""
                        .formatted(type, type))
                .when().post("/api/v1/surveys").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("type", equalTo(type)).extract().path("id");
    }

    static String uid(String p) {
        return p + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String invite(String surveyId, String channel, String customerId, String email, String locale) {
        return given().contentType("application/json")
                .body("""
                        {"channel":"%s","customers":[{"id":"%s",%s"locale":"%s","attributes":{"tier":"gold","lifecycleStage":"active","product":"app"}}]}"""
                        .formatted(channel, customerId, email == null ? "" : "\"email\":\"" + email + "\",", locale))
                .when().post("/api/v1/surveys/" + surveyId + "/invitations").then().statusCode(200)
                .body("items[0].status", equalTo("INVITED")).extract().path("items[0].token");
    }

    @Test
    void surveyCrud() {
        String id = survey("CSAT");
        given().when().get("/api/v1/surveys/" + id).then().statusCode(200).body("scaleMin", equalTo(1)).body("scaleMax", equalTo(5));
        given().contentType("application/json")
                .body("{\"type\":\"CSAT\",\"name\":\"Renamed\",\"questions\":{\"zh-CN\":\"满意吗？\",\"en\":\"Satisfied?\"},\"status\":\"CLOSED\"}")
                .when().put("/api/v1/surveys/" + id).then().statusCode(200).body("name", equalTo("Renamed")).body("status", equalTo("CLOSED"));
        given().queryParam("status", "CLOSED").when().get("/api/v1/surveys").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        given().contentType("application/json")
                .body("{\"type\":\"NPS\",\"name\":\"x\",\"questions\":{\"zh-CN\":\"a\",\"en\":\"b\"}}")
                .when().put("/api/v1/surveys/" + id).then().statusCode(409);
        given().contentType("application/json").body("{\"type\":\"NPS\",\"name\":\"x\",\"questions\":{\"en\":\"b\"}}")
                .when().post("/api/v1/surveys").then().statusCode(400).body("errors[0].field", equalTo("questions"));
        given().contentType("application/json").body("{\"type\":\"XYZ\",\"name\":\"x\",\"questions\":{\"en\":\"b\"}}")
                .when().post("/api/v1/surveys").then().statusCode(400).contentType("application/problem+json");
        String draft = given().contentType("application/json")
                .body("{\"type\":\"CES\",\"name\":\"d\",\"questions\":{\"zh-CN\":\"a\",\"en\":\"b\"},\"status\":\"DRAFT\"}")
                .when().post("/api/v1/surveys").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        given().contentType("application/json").body("{\"channel\":\"LINK\",\"customers\":[{\"id\":\"c-1\"}]}")
                .when().post("/api/v1/surveys/" + draft + "/invitations").then().statusCode(409);
        given().when().delete("/api/v1/surveys/" + draft).then().statusCode(204);
        given().when().get("/api/v1/surveys/" + draft).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void emailInvitationInBothLocalesWithWorkingLinkAndOneAnswerPerToken() throws Exception {
        String nps = survey("NPS");
        String zhEmail = uid("wang") + "@example.com";
        String enEmail = uid("bob") + "@example.com";
        String zhCustomer = uid("c");
        given().contentType("application/json")
                .body("""
                        {"channel":"EMAIL","customers":[{"id":"%s","email":"%s","locale":"zh-CN"},{"id":"%s","email":"%s","locale":"en"},
                         {"id":"%s","locale":"en"}]}""".formatted(zhCustomer, zhEmail, uid("c"), enEmail, uid("c")))
                .when().post("/api/v1/surveys/" + nps + "/invitations").then().statusCode(200)
                .body("items[0].status", equalTo("INVITED")).body("items[0].token", nullValue())
                .body("items[2].status", equalTo("SKIPPED")).body("items[2].reason", equalTo("NO_EMAIL"));

        var zh = Mailbox.awaitOne(zhEmail);
        String zhText = Mailbox.text(zh);
        assertEquals("邀请您参与一个简短的调查", zh.getSubject());
        assertTrue(zhText.contains("您有多大可能向朋友推荐我们？") && zhText.contains("0-10"), zhText);
        assertTrue(zhText.contains("一键退订"), zhText);
        var en = Mailbox.awaitOne(enEmail);
        assertTrue(Mailbox.text(en).contains("How likely are you to recommend us?"));

        Matcher m = SURVEY_LINK.matcher(zhText);
        assertTrue(m.find());
        String token = m.group(1);
        // the link opens the form in the customer's language
        given().when().get("/api/v1/survey-responses/" + token).then().statusCode(200)
                .body("question", equalTo("您有多大可能向朋友推荐我们？")).body("followUpQuestion", equalTo("您打分的主要原因是什么？"))
                .body("scaleMin", equalTo(0)).body("scaleMax", equalTo(10));
        given().contentType("application/json").body("{\"token\":\"" + token + "\",\"score\":11}")
                .when().post("/api/v1/survey-responses").then().statusCode(400).body("errors[0].field", equalTo("score"));
        given().contentType("application/json").body("{\"token\":\"" + token + "\",\"score\":9}")
                .when().post("/api/v1/survey-responses").then().statusCode(201).body("forwarded", equalTo(false));
        given().contentType("application/json").body("{\"token\":\"" + token + "\",\"score\":9}")
                .when().post("/api/v1/survey-responses").then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/v1/survey-responses/" + token).then().statusCode(409);
        given().contentType("application/json").body("{\"token\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"score\":9}")
                .when().post("/api/v1/survey-responses").then().statusCode(404);
        given().when().get("/api/v1/surveys/" + nps + "/invitations").then().statusCode(200)
                .body("items.find { it.customerId == '" + zhCustomer + "' }.status", equalTo("ANSWERED"))
                .body("items.find { it.customerId == '" + zhCustomer + "' }.mail.status", equalTo("SENT"));
    }

    @Test
    void contactBudgetAndOptOutSkipWithReason() {
        String customer = uid("c");
        String first = survey("NPS");
        String second = survey("CSAT");
        String token = invite(first, "LINK", customer, null, "en");
        assertTrue(token.length() >= 22);
        // one budget across surveys and channels
        given().contentType("application/json").body("{\"channel\":\"IN_APP\",\"customers\":[{\"id\":\"" + customer + "\"}]}")
                .when().post("/api/v1/surveys/" + second + "/invitations").then().statusCode(200)
                .body("items[0].status", equalTo("SKIPPED")).body("items[0].reason", equalTo("CONTACT_BUDGET"));
        // after the window the customer can be asked again
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE contacts SET last_invited_at = now() - interval '31 days' WHERE customer_id = :c")
                .setParameter("c", customer).executeUpdate());
        invite(second, "IN_APP", customer, null, "zh-CN");
        given().when().get("/api/v1/customers/" + customer + "/pending-surveys").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].question", equalTo("您有多大可能向朋友推荐我们？"))
                .body("items[0].scaleMax", equalTo(5)).body("items[0].url", containsString("/survey/"));

        // opting out (through a follow-up mail's link) silences every survey, whatever the budget
        String unsubscribeToken = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT unsubscribe_token FROM contacts WHERE customer_id = :c").setParameter("c", customer).getSingleResult());
        given().when().post("/api/v1/unsubscribe/" + unsubscribeToken).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE contacts SET last_invited_at = NULL WHERE customer_id = :c").setParameter("c", customer).executeUpdate());
        given().contentType("application/json").body("{\"channel\":\"LINK\",\"customers\":[{\"id\":\"" + customer + "\"},{\"id\":\"" + customer + "\"}]}")
                .when().post("/api/v1/surveys/" + first + "/invitations").then().statusCode(200)
                .body("items[0].reason", equalTo("OPTED_OUT")).body("items[1].reason", equalTo("DUPLICATE_IN_REQUEST"));
        given().when().get("/api/v1/customers/" + customer + "/pending-surveys").then().body("items", hasSize(0));
    }

    @Test
    void expiredInvitationIs410() {
        String s = survey("CES");
        String token = invite(s, "LINK", uid("c"), null, "en");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE token = :t").setParameter("t", token).executeUpdate());
        given().contentType("application/json").body("{\"token\":\"" + token + "\",\"score\":3}")
                .when().post("/api/v1/survey-responses").then().statusCode(410).contentType("application/problem+json");
        given().when().get("/api/v1/survey-responses/" + token).then().statusCode(410);
        given().when().get("/api/v1/survey-responses/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404);
    }

    @Test
    void unhappyOrCommentedAnswersAreForwardedAsSurveyFeedback() throws Exception {
        record Case(String type, int score, String comment, boolean forwarded) {
        }
        List<Case> cases = List.of(new Case("NPS", 6, null, true), new Case("NPS", 7, null, false), new Case("NPS", 10, "很好用", true),
                new Case("CSAT", 2, null, true), new Case("CSAT", 3, null, false), new Case("CES", 5, null, true),
                new Case("CES", 4, "", false));
        ObjectMapper json = new ObjectMapper();
        for (Case c : cases) {
            String s = survey(c.type());
            String token = invite(s, "LINK", uid("c"), null, "zh-CN");
            String body = c.comment() == null ? "{\"token\":\"%s\",\"score\":%d}".formatted(token, c.score())
                    : "{\"token\":\"%s\",\"score\":%d,\"comment\":\"%s\"}".formatted(token, c.score(), c.comment());
            String id = given().contentType("application/json").body(body).when().post("/api/v1/survey-responses")
                    .then().statusCode(201).body("forwarded", equalTo(c.forwarded())).extract().path("id");
            String key = "survey-response:" + id;
            if (c.forwarded()) {
                HandOverStub.Call call = Eventually.await(key, Duration.ofSeconds(20), () -> HandOverStub.callsWithKey(key),
                        l -> !l.isEmpty()).get(0);
                assertEquals("/internal/feedback", call.path());
                JsonNode fb = json.readTree(call.body());
                assertEquals("SURVEY", fb.get("channel").asText());
                assertEquals(id, fb.get("externalId").asText());
                assertEquals(c.score(), fb.get("survey").get("score").asInt());
                assertEquals(c.type(), fb.get("survey").get("type").asText());
                assertEquals(c.comment() != null ? c.comment() : c.type() + " 评分：" + c.score() + "/" + (c.type().equals("NPS") ? 10
                        : c.type().equals("CSAT") ? 5 : 7) + "（未留言）", fb.get("text").asText());
                assertEquals("gold", fb.get("customer").get("tier").asText());
            } else {
                Thread.sleep(200);
                assertFalse(HandOverStub.calls().stream().anyMatch(x -> key.equals(x.idempotencyKey())), c.toString());
            }
        }
        String s = survey("NPS");
        String token = invite(s, "LINK", uid("c"), null, "en");
        given().contentType("application/json").body("{\"token\":\"" + token + "\",\"score\":5,\"comment\":\"" + "x".repeat(5001) + "\"}")
                .when().post("/api/v1/survey-responses").then().statusCode(400);
        given().contentType("application/json").body("{\"token\":\"" + token + "\"}")
                .when().post("/api/v1/survey-responses").then().statusCode(400);
    }

    /** Answers NPS with a score, then a solved follow-up; returns how the next invitation went. */
    private String nextInvitationAfterSolvedFollowUp(int npsScore) {
        String customer = uid("c");
        String token = invite(survey("NPS"), "LINK", customer, null, "en");
        given().contentType("application/json").body("{\"token\":\"" + token + "\",\"score\":" + npsScore + "}")
                .when().post("/api/v1/survey-responses").then().statusCode(201);
        String ticket = uid("t");
        given().contentType("application/json")
                .body("{\"ticketId\":\"" + ticket + "\",\"resolutionCount\":1,\"feedbackIds\":[\"fb\"],\"customer\":{\"id\":\"" + customer
                        + "\"},\"resolution\":\"fixed\",\"channel\":\"IN_APP\"}")
                .when().post("/internal/follow-ups").then().statusCode(201);
        String url = given().queryParam("ticketId", ticket).when().get("/api/v1/follow-ups").then().extract().path("items[0].url");
        given().contentType("application/json").body("{\"solved\":true}")
                .when().post("/api/v1/follow-ups/" + url.substring(url.lastIndexOf('/') + 1) + "/answer").then().statusCode(200);
        return given().contentType("application/json").body("{\"channel\":\"LINK\",\"customers\":[{\"id\":\"" + customer + "\"}]}")
                .when().post("/api/v1/surveys/" + survey("NPS") + "/invitations").then().statusCode(200)
                .extract().path("items[0].status");
    }

    @Test
    void solvedDetractorIsAskedAgainAtTheNextCycle() {
        assertEquals("INVITED", nextInvitationAfterSolvedFollowUp(3));
        // a promoter's budget is not released by a solved follow-up
        assertEquals("SKIPPED", nextInvitationAfterSolvedFollowUp(9));
    }
}
