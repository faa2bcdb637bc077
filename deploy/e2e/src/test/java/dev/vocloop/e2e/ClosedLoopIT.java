package dev.vocloop.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The thinnest closed loop, through the gateway of a platform started as {@code ./vocloop up}
 * starts it: feedback in, ticket routed, resolution, follow-up e-mail, the customer's answer
 * closing (or reopening) the ticket and the feedback's loop. Then the platform is stopped, leaves
 * nothing running, and keeps its data across a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosedLoopIT {

    private static final Pattern FOLLOW_UP_LINK = Pattern.compile("/follow-up/([A-Za-z0-9_-]{20,})");
    private static final Duration ASYNC = Duration.ofSeconds(30);

    private static Path home;
    private static Map<String, Integer> ports;
    private static RunningPlatform platform;
    private static String closedFeedbackId;
    private static String closedTicketId;

    @BeforeAll
    static void startPlatform() throws Exception {
        home = Files.createTempDirectory("vocloop-e2e");
        ports = RunningPlatform.freePorts();
        platform = RunningPlatform.start(home, ports);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void solvedAnswerClosesTicketAndLoop() throws Exception {
        String feedbackId = submit("""
                {"channel":"IN_APP","text":"支付的时候app闪退了，钱扣了但订单没有",
                 "customer":{"id":"c-1001","email":"li.wei@example.com","locale":"zh-CN"}}""");
        String ticketId = awaitTicketFor(feedbackId);

        resolve(ticketId, "已修复支付回调的闪退问题，重复扣款已原路退回。");
        Mailbox.Mail mail = awaitMail("li.wei@example.com");
        assertTrue(mail.text().contains("已修复支付回调的闪退问题"), "the follow-up carries the resolution: " + mail.text());
        assertTrue(containsHan(mail.subject() + mail.text()), "a zh-CN customer is written to in Chinese");
        String token = tokenIn(mail);

        given().contentType(ContentType.JSON).body("{\"solved\":true,\"rating\":5}")
                .when().post(url("/api/v1/follow-ups/" + token + "/answer"))
                .then().statusCode(200);

        awaitStatus("/api/v1/tickets/" + ticketId, "status", "CLOSED");
        awaitStatus("/api/v1/feedback/" + feedbackId, "loopStatus", "CLOSED");

        // The link is single-use.
        given().contentType(ContentType.JSON).body("{\"solved\":false}")
                .when().post(url("/api/v1/follow-ups/" + token + "/answer"))
                .then().statusCode(409).contentType("application/problem+json");
        closedFeedbackId = feedbackId;
        closedTicketId = ticketId;
    }

    @Test
    @Order(2)
    void notSolvedAnswerReopensTicket() throws Exception {
        String feedbackId = submit("""
                {"channel":"IN_APP","text":"I can't log in since the last update, the app says my password is wrong",
                 "customer":{"id":"c-2002","email":"sam.taylor@example.com","locale":"en"}}""");
        String ticketId = awaitTicketFor(feedbackId);

        resolve(ticketId, "We reset the login service cache; please try again.");
        Mailbox.Mail mail = awaitMail("sam.taylor@example.com");
        assertTrue(mail.text().contains("We reset the login service cache"), "the follow-up carries the resolution");
        assertFalse(containsHan(mail.subject()), "an English customer gets an English subject: " + mail.subject());

        given().contentType(ContentType.JSON).body("{\"solved\":false}")
                .when().post(url("/api/v1/follow-ups/" + tokenIn(mail) + "/answer"))
                .then().statusCode(200);

        awaitStatus("/api/v1/tickets/" + ticketId, "status", "REOPENED");
        awaitStatus("/api/v1/feedback/" + feedbackId, "loopStatus", "REOPENED");
    }

    @Test
    @Order(3)
    void gatewayRefusesCallsWithoutKeyAndServicesRefuseCallsPastTheGateway() throws Exception {
        given().when().get(url("/api/v1/tickets")).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong-key").when().get(url("/api/v1/tickets")).then().statusCode(401);
        given().header("Authorization", "Bearer " + RunningPlatform.ADMIN_KEY).contentType(ContentType.JSON).body("{}")
                .when().post(url("/internal/tickets/from-feedback")).then().statusCode(404);
        // A service reached past the gateway answers nobody without an internal token, whatever key
        // or identity headers the caller sends; with one signed by another key neither.
        given().header("Authorization", "Bearer " + RunningPlatform.ADMIN_KEY).header("X-Vocloop-Role", "ADMIN")
                .when().get("http://127.0.0.1:" + ports.get("TICKET") + "/api/v1/tickets")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + RunningPlatform.ADMIN_KEY)
                .when().get("http://127.0.0.1:" + ports.get("FEEDBACK") + "/api/v1/feedback")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Vocloop-Role", "ADMIN").contentType(ContentType.JSON).body("{}")
                .when().post("http://127.0.0.1:" + ports.get("SURVEY") + "/internal/follow-ups")
                .then().statusCode(401).contentType("application/problem+json");
        // the same service answers a call signed with the gateway's key, as a second gateway replica would sign it
        given().header("Authorization", RunningPlatform.internalToken(home, "e2e", "ADMIN"))
                .when().get("http://127.0.0.1:" + ports.get("TICKET") + "/api/v1/tickets").then().statusCode(200);
        // a leaked service key cannot act as an admin, and the gateway's key cannot sign a hand-over
        given().header("Authorization", RunningPlatform.signedWith(home, "service", "leak", "ADMIN"))
                .when().get("http://127.0.0.1:" + ports.get("TICKET") + "/api/v1/tickets")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", RunningPlatform.signedWith(home, "gateway", "gateway", "SERVICE"))
                .contentType(ContentType.JSON).body("{}")
                .when().post("http://127.0.0.1:" + ports.get("SURVEY") + "/internal/follow-ups")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(4)
    void stopLeavesNothingRunningAndDataSurvivesRestart() throws Exception {
        List<ProcessHandle> children = platform.launcher().descendants().toList();
        assertFalse(children.isEmpty(), "the launcher runs the services as child processes");
        platform.close();
        for (ProcessHandle child : children) {
            child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "process " + child.pid() + " is still running after the platform stopped");
        }
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            try (ServerSocket s = new ServerSocket(port.getValue())) {
                assertTrue(s.isBound(), port.getKey() + " port is free again");
            }
        }

        platform = RunningPlatform.start(home, ports);
        authorized().when().get(url("/api/v1/feedback/" + closedFeedbackId))
                .then().statusCode(200).body("loopStatus", equalTo("CLOSED"));
        authorized().when().get(url("/api/v1/tickets/" + closedTicketId))
                .then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    private static String submit(String body) {
        Response r = authorized().contentType(ContentType.JSON).body(body)
                .when().post(url("/api/v1/feedback"));
        r.then().statusCode(201).body("id", notNullValue()).body("loopStatus", notNullValue()).body("intent", notNullValue());
        return r.path("id");
    }

    private static String awaitTicketFor(String feedbackId) {
        String[] ticketId = new String[1];
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Response r = authorized().queryParam("feedbackId", feedbackId).when().get(url("/api/v1/tickets"));
            r.then().statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].status", notNullValue())
                    .body("items[0].team", notNullValue())
                    .body("items[0].priority", notNullValue())
                    .body("items[0].feedbackIds", hasItem(feedbackId));
            ticketId[0] = r.path("items[0].id");
        });
        return ticketId[0];
    }

    private static void resolve(String ticketId, String resolution) {
        authorized().contentType(ContentType.JSON).body(Map.of("resolution", resolution))
                .when().post(url("/api/v1/tickets/" + ticketId + "/resolve"))
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
    }

    private static Mailbox.Mail awaitMail(String address) {
        return new Mailbox(home).awaitOne(address, ASYNC);
    }

    private static String tokenIn(Mailbox.Mail mail) {
        Matcher m = FOLLOW_UP_LINK.matcher(mail.text());
        assertTrue(m.find(), "the follow-up e-mail has a link ending in its token: " + mail.text());
        return m.group(1);
    }

    private static void awaitStatus(String path, String field, String expected) {
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                authorized().when().get(url(path)).then().statusCode(200).body(field, equalTo(expected)));
    }

    private static io.restassured.specification.RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + RunningPlatform.ADMIN_KEY);
    }

    private static String url(String path) {
        return platform.gatewayUrl() + path;
    }

    private static boolean containsHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
