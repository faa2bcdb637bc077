package dev.vocloop.feedback.email;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class InboundEmailTest {

    private static byte[] gbkMultipartMail(String messageId) {
        Charset gbk = Charset.forName("GBK");
        String plain = "你好，\r\n我昨天付款的时候被重复扣款了，请尽快退款。\r\n\r\n在 2026年11月27日 客服 写道：\r\n> 您好，请问有什么可以帮您？\r\n";
        String html = "<html><body><p>你好，</p><p>我昨天付款的时候被重复扣款了</p></body></html>";
        String head = "From: =?GBK?B?" + Base64.getEncoder().encodeToString("王芳".getBytes(gbk)) + "?= <Wang.Fang@Example.cn>\r\n"
                + "To: feedback@vocloop.dev\r\n"
                + "Subject: =?GBK?B?" + Base64.getEncoder().encodeToString("重复扣款".getBytes(gbk)) + "?=\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + "Date: Fri, 27 Nov 2026 10:00:00 +0800\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(plain.getBytes(gbk)) + "\r\n"
                + "--b1\r\nContent-Type: text/html; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(html.getBytes(gbk)) + "\r\n"
                + "--b1--\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void gbkMultipartMailBecomesFeedbackOnceWithoutTheQuotedReply() {
        String messageId = UUID.randomUUID() + "@mail.example.cn";
        byte[] mail = gbkMultipartMail(messageId);
        String id = given().contentType("message/rfc822").body(mail).post("/api/v1/feedback/inbound-email")
                .then().statusCode(201)
                .body("channel", equalTo("EMAIL"))
                .body("externalId", equalTo("<" + messageId + ">"))
                .body("title", equalTo("重复扣款"))
                .body("text", containsString("被重复扣款了，请尽快退款"))
                .body("text", not(containsString("有什么可以帮您")))
                .body("language", equalTo("zh"))
                .body("topic", equalTo("BILLING"))
                .body("priority.reasons.code", org.hamcrest.Matchers.hasItem("URGENT_PHRASE"))
                .body("customer.id", equalTo("wang.fang@example.cn"))
                .extract().path("id");
        given().contentType("message/rfc822").body(mail).post("/api/v1/feedback/inbound-email")
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void quotedPrintableBig5AndHtmlOnlyMails() {
        String big5 = "From: chen@example.tw\r\nMessage-ID: <" + UUID.randomUUID() + "@tw>\r\nSubject: app\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=Big5\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + qp("應用程式一直閃退，無法登錄".getBytes(Charset.forName("Big5"))) + "\r\n-- \r\n陳先生 0912-345-678\r\n";
        given().contentType("message/rfc822").body(big5.getBytes(StandardCharsets.US_ASCII)).post("/api/v1/feedback/inbound-email")
                .then().statusCode(201).body("text", equalTo("應用程式一直閃退，無法登錄"));

        String html = "From: Sam <sam@example.com>\r\nMessage-ID: <" + UUID.randomUUID() + "@ex>\r\nSubject: Export\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "<div>Please add an export to Excel=2C it would be great.<br>Thanks</div>"
                + "<blockquote>On Monday support wrote: how can we help?</blockquote>\r\n";
        given().contentType("message/rfc822").body(html.getBytes(StandardCharsets.US_ASCII)).post("/api/v1/feedback/inbound-email")
                .then().statusCode(201)
                .body("text", equalTo("Please add an export to Excel, it would be great.\nThanks"))
                .body("intent", equalTo("FEATURE_REQUEST"));
    }

    @Test
    void rejectsMailWithoutTextAndWrongMediaType() {
        String noText = "From: a@example.com\r\nMessage-ID: <x@y>\r\nMIME-Version: 1.0\r\nContent-Type: image/png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n";
        given().contentType("message/rfc822").body(noText.getBytes(StandardCharsets.US_ASCII)).post("/api/v1/feedback/inbound-email")
                .then().statusCode(422).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post("/api/v1/feedback/inbound-email")
                .then().statusCode(415).contentType("application/problem+json");
    }

    private static String qp(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("=%02X", b & 0xff));
        }
        return sb.toString();
    }
}
