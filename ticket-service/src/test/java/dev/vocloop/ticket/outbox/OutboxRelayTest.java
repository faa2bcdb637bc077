package dev.vocloop.ticket.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.commons.Ids;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.ticket.support.Poll;
import dev.vocloop.ticket.support.SurveyStub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SurveyStub.class)
class OutboxRelayTest {

    @Inject
    OutboxService outbox;

    @Inject
    EntityManager em;

    @Inject
    JWTParser jwtParser;

    private void insert(String key, String nextAttempt, int attempts) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox (id, destination, path, "
                        + "idempotency_key, payload, state, attempts, next_attempt_at, created_at) values (?1, 'survey-service', "
                        + "'/internal/follow-ups', ?2, '{\"ticketId\":\"t\"}', 'PENDING', ?3, now() + cast(?4 as interval), now())")
                .setParameter(1, Ids.newId()).setParameter(2, key).setParameter(3, attempts).setParameter(4, nextAttempt)
                .executeUpdate());
    }

    private long received(String key) {
        return SurveyStub.RECEIVED.stream().filter(r -> key.equals(r.idempotencyKey())).count();
    }

    @Test
    void aClaimLeftByACrashedRelayExpiresAndAnotherDelivers() throws Exception {
        // as if a relay claimed it (attempt 1, lease running) and died before sending
        String key = "crash-" + Ids.newId();
        insert(key, "1 second", 1);
        Poll.until(Duration.ofSeconds(15), "the sweep to take the expired claim over", () -> received(key) == 1);
        Poll.until(Duration.ofSeconds(5), "delivery to be recorded", () -> QuarkusTransaction.requiringNew().call(
                () -> OutboxMessage.<OutboxMessage>find("idempotencyKey", key).firstResult().state).equals("DELIVERED"));
        assertEquals(1, received(key));
        // signed as this service, with a token the receiving service's verifier accepts
        String authorization = SurveyStub.RECEIVED.stream().filter(r -> key.equals(r.idempotencyKey())).findFirst()
                .orElseThrow().authorization();
        assertTrue(authorization != null && authorization.startsWith("Bearer "), "hand-over without a token");
        JsonWebToken token = jwtParser.parse(authorization.substring("Bearer ".length()));
        assertEquals("ticket-service", token.getSubject());
        assertEquals(Set.of("SERVICE"), token.getGroups());
    }

    @Test
    void concurrentClaimersNeverTakeTheSameRow() throws Exception {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String key = "claim-" + Ids.newId();
            keys.add(key);
            insert(key, "-1 second", 0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<List<String>>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(() -> outbox.claim().stream().map(m -> m.idempotencyKey).toList());
        }
        List<String> claimed = new ArrayList<>();
        for (Future<List<String>> f : pool.invokeAll(claims)) {
            claimed.addAll(f.get());
        }
        pool.shutdown();
        assertEquals(new HashSet<>(claimed).size(), claimed.size(), "a row was claimed twice: " + claimed);
        assertTrue(claimed.stream().filter(keys::contains).count() > 0, "the claimers found work");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        // test profile: base 100 ms, cap 500 ms; equal jitter keeps at least half of each step
        for (int i = 0; i < 20; i++) {
            long first = outbox.backoff(1).toMillis();
            long third = outbox.backoff(3).toMillis();
            long tenth = outbox.backoff(10).toMillis();
            assertTrue(first >= 50 && first <= 100, "attempt 1: " + first);
            assertTrue(third >= 200 && third <= 400, "attempt 3: " + third);
            assertTrue(tenth >= 250 && tenth <= 500, "attempt 10: " + tenth);
        }
    }
}
