package dev.vocloop.ticket.tickets;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Prometheus counters of the loop's ticket events, tagged by team and priority. */
@ApplicationScoped
public class TicketMetrics {

    private final MeterRegistry registry;

    public TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void created(Ticket t) {
        count("ticket_created", t);
    }

    void resolved(Ticket t) {
        count("ticket_resolved", t);
    }

    void reopened(Ticket t) {
        count("ticket_reopened", t);
    }

    void closed(Ticket t) {
        registry.counter("ticket_closed", "team", t.team, "priority", t.priority.name(), "status", t.status.name()).increment();
    }

    /** An SLA escalation: {@code kind} is AT_RISK or BREACHED. */
    public void escalated(String team, String priority, String kind) {
        registry.counter("ticket_sla_escalations", "team", team, "priority", priority, "kind", kind).increment();
    }

    private void count(String name, Ticket t) {
        registry.counter(name, "team", t.team, "priority", t.priority.name()).increment();
    }
}
