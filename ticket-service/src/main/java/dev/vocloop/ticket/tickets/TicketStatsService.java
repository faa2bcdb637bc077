package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Loop metrics over tickets, computed in SQL, and the same as Prometheus gauges. */
@ApplicationScoped
public class TicketStatsService {

    private final EntityManager em;
    private final MultiGauge openGauge;
    private final MultiGauge rateGauge;

    public TicketStatsService(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.openGauge = MultiGauge.builder("ticket_open").description("open tickets by team, status and priority").register(registry);
        this.rateGauge = MultiGauge.builder("ticket_loop_rate")
                .description("loop rates over tickets created in the last 30 days (sla_breach, reopen, closed_loop)").register(registry);
    }

    @Transactional
    public TicketStats stats(String team, String fromParam, String toParam, Caller caller) {
        Instant to = instant("to", toParam, Instant.now());
        Instant from = instant("from", fromParam, to.minus(Duration.ofDays(30)));
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        if (team != null && !caller.maySee(team)) {
            throw ProblemException.notFound("no team " + team);
        }
        if (team == null && caller.scoped()) {
            throw ProblemException.invalidField("team", "agents must name one of their teams");
        }
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byPriority = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("select status, priority, count(*) from tickets where status in "
                        + "('NEW','OPEN','IN_PROGRESS','WAITING_ON_CUSTOMER','REOPENED') and (?1 = '' or team_key = ?1) "
                        + "group by status, priority")
                .setParameter(1, team == null ? "" : team).getResultList();
        for (Object[] r : open) {
            long n = ((Number) r[2]).longValue();
            byStatus.merge((String) r[0], n, Long::sum);
            byPriority.merge((String) r[1], n, Long::sum);
        }
        Object[] m = (Object[]) em.createNativeQuery("""
                select count(*),
                       count(*) filter (where resolution_count > 0),
                       count(*) filter (where breached_at is not null),
                       percentile_cont(0.5) within group (order by extract(epoch from first_responded_at - created_at))
                           filter (where first_responded_at is not null),
                       percentile_cont(0.9) within group (order by extract(epoch from first_responded_at - created_at))
                           filter (where first_responded_at is not null),
                       percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at))
                           filter (where resolved_at is not null),
                       percentile_cont(0.9) within group (order by extract(epoch from resolved_at - created_at))
                           filter (where resolved_at is not null),
                       count(*) filter (where reopen_count > 0),
                       count(*) filter (where status = 'CLOSED')
                from tickets where created_at >= ?1 and created_at < ?2 and (?3 = '' or team_key = ?3)""")
                .setParameter(1, from.atOffset(ZoneOffset.UTC)).setParameter(2, to.atOffset(ZoneOffset.UTC))
                .setParameter(3, team == null ? "" : team).getSingleResult();
        long created = ((Number) m[0]).longValue();
        long resolved = ((Number) m[1]).longValue();
        return new TicketStats(team, from, to, byStatus, byPriority, created, resolved,
                ratio(((Number) m[2]).longValue(), created), num(m[3]), num(m[4]), num(m[5]), num(m[6]),
                ratio(((Number) m[7]).longValue(), resolved), ratio(((Number) m[8]).longValue(), resolved));
    }

    /** Refreshes the Prometheus gauges from the database, off the scrape's thread. */
    @Scheduled(every = "${ticket.metrics.refresh:30s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refreshGauges() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select team_key, status, priority, count(*) from tickets where status in "
                + "('NEW','OPEN','IN_PROGRESS','WAITING_ON_CUSTOMER','REOPENED') group by team_key, status, priority").getResultList();
        openGauge.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("team", (String) r[0], "status", (String) r[1],
                "priority", (String) r[2]), ((Number) r[3]).doubleValue())).toList(), true);
        @SuppressWarnings("unchecked")
        List<Object[]> rates = em.createNativeQuery("""
                select team_key, count(*), count(*) filter (where breached_at is not null),
                       count(*) filter (where resolution_count > 0), count(*) filter (where reopen_count > 0),
                       count(*) filter (where status = 'CLOSED')
                from tickets where created_at >= now() - interval '30 days' group by team_key""").getResultList();
        List<MultiGauge.Row<?>> rateRows = new java.util.ArrayList<>();
        for (Object[] r : rates) {
            String t = (String) r[0];
            long created = ((Number) r[1]).longValue();
            long resolved = ((Number) r[3]).longValue();
            rateRows.add(MultiGauge.Row.of(Tags.of("team", t, "rate", "sla_breach"), zeroIfNull(ratio(((Number) r[2]).longValue(), created))));
            rateRows.add(MultiGauge.Row.of(Tags.of("team", t, "rate", "reopen"), zeroIfNull(ratio(((Number) r[4]).longValue(), resolved))));
            rateRows.add(MultiGauge.Row.of(Tags.of("team", t, "rate", "closed_loop"), zeroIfNull(ratio(((Number) r[5]).longValue(), resolved))));
        }
        rateGauge.register(rateRows, true);
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static double zeroIfNull(Double d) {
        return d == null ? 0 : d;
    }

    private static Double num(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
