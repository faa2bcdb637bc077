package dev.vocloop.ticket.sla;

import dev.vocloop.ticket.teams.Team;
import dev.vocloop.ticket.tickets.TicketHistory;
import dev.vocloop.ticket.tickets.TicketMetrics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Flags tickets at risk (80% of a target used) and in breach (a deadline passed). Each step is one
 * {@code UPDATE ... RETURNING} over rows claimed with {@code FOR UPDATE SKIP LOCKED} and filtered
 * by the state they must not have reached yet, so several replicas running it at once never
 * escalate a ticket twice. A breach raises the priority one level and records the team lead as
 * notified, in history and as a metric.
 */
@ApplicationScoped
public class EscalationService {

    private final EntityManager em;
    private final TicketMetrics metrics;
    private final EscalationConfig config;

    public EscalationService(EntityManager em, TicketMetrics metrics, EscalationConfig config) {
        this.em = em;
        this.metrics = metrics;
        this.config = config;
    }

    /** One round at {@code now}; returns the number of tickets escalated. */
    @Transactional
    public int escalate(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> atRisk = em.createNativeQuery("""
                WITH due AS (SELECT id FROM tickets WHERE sla_state = 'ON_TRACK' AND next_risk_at <= ?1
                             ORDER BY next_risk_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                UPDATE tickets t SET sla_state = 'AT_RISK', at_risk_at = ?1, version = t.version + 1
                FROM due WHERE t.id = due.id RETURNING t.id, t.team_key, t.priority""")
                .setParameter(1, at).setParameter(2, config.batchSize()).getResultList();
        for (Object[] row : atRisk) {
            TicketHistory.record((String) row[0], now, "sla-escalation", "SLA_AT_RISK", "slaState", "ON_TRACK", "AT_RISK");
            metrics.escalated((String) row[1], (String) row[2], "AT_RISK");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> breached = em.createNativeQuery("""
                WITH due AS (SELECT id, priority AS old_priority, sla_state AS old_state FROM tickets
                             WHERE sla_state <> 'BREACHED' AND next_due <= ?1
                             ORDER BY next_due LIMIT ?2 FOR UPDATE SKIP LOCKED)
                UPDATE tickets t SET sla_state = 'BREACHED', breached_at = ?1, at_risk_at = coalesce(t.at_risk_at, ?1),
                       priority = CASE t.priority WHEN 'P4' THEN 'P3' WHEN 'P3' THEN 'P2' ELSE 'P1' END,
                       version = t.version + 1
                FROM due WHERE t.id = due.id
                RETURNING t.id, t.team_key, due.old_priority, t.priority, due.old_state""")
                .setParameter(1, at).setParameter(2, config.batchSize()).getResultList();
        for (Object[] row : breached) {
            String id = (String) row[0];
            String team = (String) row[1];
            TicketHistory.record(id, now, "sla-escalation", "SLA_BREACHED", "slaState", row[4], "BREACHED");
            if (!row[2].equals(row[3])) {
                TicketHistory.record(id, now, "sla-escalation", "PRIORITY_CHANGED", "priority", row[2], row[3]);
            }
            Team owner = Team.findById(team);
            String lead = owner == null || owner.lead == null ? "(no lead)" : owner.lead;
            TicketHistory.record(id, now, "sla-escalation", "LEAD_NOTIFIED", "lead", null, lead);
            metrics.escalated(team, (String) row[3], "BREACHED");
        }
        int n = atRisk.size() + breached.size();
        if (n > 0) {
            Log.infof("SLA escalation: %d at risk, %d breached", atRisk.size(), breached.size());
        }
        return n;
    }
}
