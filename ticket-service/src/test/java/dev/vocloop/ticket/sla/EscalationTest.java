package dev.vocloop.ticket.sla;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vocloop.testing.PostgresResource;
import dev.vocloop.ticket.support.Api;
import dev.vocloop.ticket.support.SurveyStub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SurveyStub.class)
class EscalationTest {

    @Inject
    EscalationService escalation;

    @Inject
    EntityManager em;

    /** Lets time pass for one ticket: its clocks are moved into the past by {@code minutes}. */
    private void age(String id, String column, int minutes) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update tickets set " + column + " = now() - make_interval(mins => ?1) where id = ?2")
                .setParameter(1, minutes).setParameter(2, id).executeUpdate());
    }

    private List<String> actions(String id) {
        return given().when().get("/api/v1/tickets/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("items.action");
    }

    @Test
    void severalReplicasEscalateEachTicketOnce() throws Exception {
        String team = Api.team("esc");
        List<String> breached = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = Api.ticket(team, "P3");
            age(id, "next_due", 1);
            age(id, "next_risk_at", 30);
            breached.add(id);
        }
        String atRisk = Api.ticket(team, "P4");
        age(atRisk, "next_risk_at", 1);

        // four "replicas" run the job at the same moment, each in its own transaction
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(() -> escalation.escalate(Instant.now()));
        }
        for (Future<Integer> f : replicas.invokeAll(runs)) {
            f.get();
        }
        replicas.shutdown();

        for (String id : breached) {
            List<String> actions = actions(id);
            assertEquals(1, actions.stream().filter("SLA_BREACHED"::equals).count(), id + ": " + actions);
            assertEquals(1, actions.stream().filter("LEAD_NOTIFIED"::equals).count(), id + ": " + actions);
            // P3 raised exactly one level, not once per replica
            Api.get(id).statusCode(200).body("priority", org.hamcrest.Matchers.equalTo("P2"))
                    .body("sla.state", org.hamcrest.Matchers.equalTo("BREACHED"));
        }
        given().when().get("/api/v1/tickets/" + breached.get(0) + "/history").then()
                .body("items.find { it.action == 'LEAD_NOTIFIED' }.after", org.hamcrest.Matchers.equalTo("lead-" + team));
        List<String> riskActions = actions(atRisk);
        assertEquals(1, riskActions.stream().filter("SLA_AT_RISK"::equals).count(), riskActions.toString());
        assertEquals(0, riskActions.stream().filter("SLA_BREACHED"::equals).count(), riskActions.toString());
        Api.get(atRisk).body("priority", org.hamcrest.Matchers.equalTo("P4")).body("sla.state", org.hamcrest.Matchers.equalTo("AT_RISK"));

        // a further round finds nothing left to do for these tickets
        escalation.escalate(Instant.now());
        assertEquals(1, actions(breached.get(0)).stream().filter("SLA_BREACHED"::equals).count());
    }

    @Test
    void pausedAndResolvedTicketsDoNotEscalate() {
        String team = Api.team("calm");
        String waiting = Api.ticket(team, "P3");
        Api.status(waiting, "OPEN").statusCode(200);
        Api.status(waiting, "WAITING_ON_CUSTOMER").statusCode(200);
        String resolved = Api.ticket(team, "P3");
        Api.status(resolved, "RESOLVED").statusCode(200);
        // their stored deadlines are long past, but no clock runs
        age(waiting, "resolution_due", 60);
        age(resolved, "resolution_due", 60);
        escalation.escalate(Instant.now());
        assertEquals(0, actions(waiting).stream().filter(a -> a.startsWith("SLA_")).count());
        assertEquals(0, actions(resolved).stream().filter(a -> a.startsWith("SLA_")).count());
    }
}
