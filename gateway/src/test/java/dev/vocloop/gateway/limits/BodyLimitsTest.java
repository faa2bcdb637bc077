package dev.vocloop.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.gateway.RawHttp;
import dev.vocloop.gateway.StubServices;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BodyLimitsTest {

    private static final String ADMIN = "Bearer " + StubServices.ADMIN_KEY;

    @Test
    void rejectsOversizedFeedbackWith413FromContentLength() throws Exception {
        // Only the head is sent: the answer must come without waiting for the 70 KB.
        String head = RawHttp.exchange("""
                POST /api/v1/feedback HTTP/1.1
                Host: localhost
                Authorization: %s
                Content-Type: application/json
                Content-Length: 70000
                """.formatted(ADMIN), new byte[0]);
        assertTrue(head.startsWith("HTTP/1.1 413"), head);
        assertTrue(head.toLowerCase().contains("content-type: application/problem+json"), head);
        assertFalse(head.toLowerCase().contains("x-stub"), head);
    }

    @Test
    void rejectsOversizedChunkedFeedbackWith413BeforeTheBodyEnds() throws Exception {
        String head = RawHttp.exchange("""
                POST /api/v1/feedback HTTP/1.1
                Host: localhost
                Authorization: %s
                Content-Type: application/json
                Transfer-Encoding: chunked
                """.formatted(ADMIN), RawHttp.unfinishedChunkedBody(80_000));
        assertTrue(head.startsWith("HTTP/1.1 413"), head);
    }

    @Test
    void rejectsBatchOver10MegabytesWith413() throws Exception {
        String head = RawHttp.exchange("""
                POST /api/v1/feedback/batch HTTP/1.1
                Host: localhost
                Authorization: %s
                Content-Type: application/x-ndjson
                Content-Length: 10485761
                """.formatted(ADMIN), new byte[0]);
        assertTrue(head.startsWith("HTTP/1.1 413"), head);
    }

    @Test
    void acceptsABatchLargerThanOneFeedbackItem() {
        String ndjson = "{\"channel\":\"IN_APP\",\"text\":\"%s\"}\n".formatted("x".repeat(1000)).repeat(200);
        given().header("Authorization", ADMIN).contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/feedback/batch")
                .then().statusCode(201)
                .body("service", equalTo("feedback"))
                .body("body.length()", equalTo(ndjson.length()));
    }

    @Test
    void acceptsFeedbackJustUnderTheLimit() {
        String body = "{\"text\":\"" + "y".repeat(64 * 1024 - 20) + "\"}";
        given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .when().post("/api/v1/feedback")
                .then().statusCode(201).body("body.length()", equalTo(body.length()));
    }

    @Test
    void rejectsUnsupportedMediaTypesWith415() {
        given().header("Authorization", ADMIN).contentType("text/plain").body("hello")
                .when().post("/api/v1/feedback")
                .then().statusCode(415).contentType("application/problem+json").header("X-Stub", nullValue());
        given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .when().post("/api/v1/feedback/inbound-email")
                .then().statusCode(415);
        given().header("Authorization", ADMIN).contentType("application/xml").body("<a/>")
                .when().post("/api/v1/feedback/batch")
                .then().statusCode(415);
    }

    @Test
    void acceptsTheMediaTypesOfEachRoute() {
        given().header("Authorization", ADMIN).contentType("message/rfc822").body("From: a@example.com\r\n\r\nhi".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .when().post("/api/v1/feedback/inbound-email")
                .then().statusCode(201).body("headers.content-type", startsWith("message/rfc822"));
        given().header("Authorization", ADMIN).contentType("application/merge-patch+json").body("{}")
                .when().patch("/api/v1/feedback/f-1")
                .then().statusCode(200);
        // Commands without a body need no media type.
        given().header("Authorization", ADMIN)
                .when().post("/api/v1/tickets/t-1/reopen")
                .then().statusCode(201).body("body", equalTo(""));
    }
}
