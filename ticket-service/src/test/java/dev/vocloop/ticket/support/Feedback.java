package dev.vocloop.ticket.support;

import static io.restassured.RestAssured.given;

import dev.vocloop.commons.Ids;
import io.restassured.response.ValidatableResponse;

/** Builds {@code from-feedback} hand-overs the way feedback-service sends them. */
public final class Feedback {

    private Feedback() {
    }

    public static String body(String feedbackId, String customerId, String topic, String level, String text) {
        return """
                {"feedbackId":"%s","channel":"IN_APP","language":"zh","intent":"BUG","topic":"%s","sentiment":"NEGATIVE",
                 "priority":{"score":72,"level":"%s","reasons":[{"code":"URGENT_PHRASE","contribution":15,"detail":"x"}]},
                 "text":"%s","textMasked":"%s","summary":null,"product":"app",
                 "customer":{"id":"%s","email":"li.wei@example.com","locale":"zh-CN","tier":"gold"},
                 "receivedAt":"2026-11-28T10:00:00Z"}
                """.formatted(feedbackId, topic, level, text, text, customerId);
    }

    public static ValidatableResponse send(String body, String key) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/internal/tickets/from-feedback").then().log().ifValidationFails();
    }

    /** A new feedback item of a fresh customer; returns the ticket id. */
    public static String newTicket(String topic, String level) {
        String fid = Ids.newId();
        return send(body(fid, "c-" + Ids.newId(), topic, level, "支付的时候app闪退了"), "feedback:" + fid)
                .statusCode(201).extract().path("ticketId");
    }
}
