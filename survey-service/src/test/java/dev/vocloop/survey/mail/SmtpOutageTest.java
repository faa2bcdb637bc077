package dev.vocloop.survey.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SmtpResource.class)
@QuarkusTestResource(HandOverStub.class)
class SmtpOutageTest {

    @Inject
    EntityManager em;

    private OutgoingMail mailOf(String followUpId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutgoingMail m = OutgoingMail.<OutgoingMail>find("followUpId", followUpId).firstResult();
            if (m != null) {
                em.detach(m);
            }
            return m;
        });
    }

    @Test
    void smtpOutageDelaysFollowUpMailButLosesNothing() throws Exception {
        GreenMail down = Mailbox.server();
        int port = down.getSmtp().getPort();
        down.stop();

        String ticket = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "outage-" + ticket + "@example.com";
        String id = given().contentType("application/json")
                .body("""
                        {"ticketId":"%s","resolutionCount":1,"feedbackIds":[],"customer":{"id":"c-out","email":"%s","locale":"en"},
                         "resolution":"Fixed while the mail server was down."}""".formatted(ticket, email))
                .when().post("/internal/follow-ups").then().statusCode(201).extract().path("id");

        // 1. Refused: nothing listens on the port.
        OutgoingMail failing = Eventually.await("failed attempts", Duration.ofSeconds(20), () -> mailOf(id),
                m -> m != null && m.attempts >= 2);
        assertEquals(OutgoingMail.Status.QUEUED, failing.status, "still queued, not dropped");
        assertNotNull(failing.lastError);
        assertFalse(failing.lastError.contains(email), "no address in the stored error");
        given().queryParam("ticketId", ticket).when().get("/api/v1/follow-ups").then()
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].mail.status", equalTo("QUEUED"));

        // 2. Silent: the kernel completes the connection (backlog) but no SMTP greeting ever comes. The
        // send must give up after send-timeout (2 s in the test profile) instead of stalling the relay.
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReuseAddress(true);
            silent.bind(new InetSocketAddress("127.0.0.1", port), 50);
            int before = failing.attempts;
            OutgoingMail timedOut = Eventually.await("a timed-out attempt", Duration.ofSeconds(30), () -> mailOf(id),
                    m -> m.attempts > before && m.lastError != null && m.lastError.contains("Timeout"));
            assertEquals(OutgoingMail.Status.QUEUED, timedOut.status, "still queued after a timeout");
        }

        // 3. Back: a fresh server on the same port gets the mail, once.
        GreenMail up = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        up.start();
        Mailbox.replace(up);

        OutgoingMail sent = Eventually.await("mail SENT", Duration.ofSeconds(30), () -> mailOf(id),
                m -> m.status == OutgoingMail.Status.SENT);
        assertTrue(sent.attempts >= 4, "sent after the failed attempts: " + sent.attempts);
        Mailbox.awaitOne(email);
        Thread.sleep(1500);
        assertEquals(1, Mailbox.to(email).size(), "sent exactly once");
        given().queryParam("ticketId", ticket).when().get("/api/v1/follow-ups").then()
                .body("items[0].status", equalTo("SENT"));
    }
}
