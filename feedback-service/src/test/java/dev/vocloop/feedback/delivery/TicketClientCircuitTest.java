package dev.vocloop.feedback.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.commons.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/**
 * The circuit in front of ticket-service: refusals (4xx) are answers and never open it; an outage
 * (5xx) opens it, and then no call reaches ticket-service until the delay has passed, so a dead
 * ticket-service costs the relay nothing but a quick exception (the relay keeps the hand-over for later).
 * Its own profile: an open circuit must not disturb the other tests' hand-overs.
 */
@QuarkusTest
@TestProfile(TicketClientCircuitTest.SmallCircuit.class)
class TicketClientCircuitTest {

    /** A window of 4 calls instead of 20, and a circuit that stays open for the whole test. */
    public static class SmallCircuit implements QuarkusTestProfile {
        private static final String CIRCUIT = TicketClient.class.getName() + "/fromFeedback/CircuitBreaker/";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(CIRCUIT + "requestVolumeThreshold", "4", CIRCUIT + "delay", "60000");
        }
    }

    @Inject
    TicketClient client;

    @ConfigProperty(name = "test.ticket-stub.url")
    String stubUrl;

    private static TicketRequest request(String id, String text) {
        return new TicketRequest(id, "IN_APP", "en", "BUG", "OTHER", "NEGATIVE", null, text, text, text, null, null,
                Instant.now());
    }

    private int callsOf(String id) {
        return given().baseUri(stubUrl).queryParam("key", "feedback:" + id).get("/_stub/calls")
                .then().statusCode(200).extract().path("calls");
    }

    @Test
    void refusalsKeepTheCircuitClosedAnOutageOpensIt() {
        // Six refusals in a row: answers, not failures.
        for (int i = 0; i < 6; i++) {
            String id = Ids.newId();
            assertThrows(TicketRejectedException.class, () -> client.fromFeedback(id, request(id, "[reject] spam")));
            assertEquals(1, callsOf(id), "a refusal is not retried");
        }
        String healthy = Ids.newId();
        assertEquals("t-" + healthy, client.fromFeedback(healthy, request(healthy, "the app crashes")).ticketId());

        // ticket-service answers 503. The first hand-over makes three attempts (two quick retries); with the
        // healthy call the window of four then holds 3 failures in 4, the failure ratio of 0.75: it opens.
        String down = Ids.newId();
        assertThrows(RuntimeException.class, () -> client.fromFeedback(down, request(down, "[fail-99] crash")));
        assertEquals(3, callsOf(down), "one attempt and two retries reached ticket-service");

        // Open: a hand-over that ticket-service would accept is not even sent.
        String blocked = Ids.newId();
        assertThrows(CircuitBreakerOpenException.class, () -> client.fromFeedback(blocked, request(blocked, "the app crashes")));
        assertEquals(0, callsOf(blocked), "an open circuit sends nothing");
    }
}
