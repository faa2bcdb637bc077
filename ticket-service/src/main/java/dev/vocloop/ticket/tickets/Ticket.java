package dev.vocloop.ticket.tickets;

import dev.vocloop.ticket.store.VersionedEntity;
import dev.vocloop.ticket.sla.Priority;
import dev.vocloop.ticket.sla.SlaCalculator;
import dev.vocloop.ticket.sla.SlaCalculator.Deadline;
import dev.vocloop.ticket.sla.SlaCalculator.Remaining;
import dev.vocloop.ticket.sla.SlaPolicy;
import dev.vocloop.ticket.teams.BusinessCalendar;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A ticket and its two SLA clocks (first response, resolution). Deadlines are stored so that the
 * queue and the escalation job filter and sort in SQL; {@code nextDue}/{@code nextRiskAt} are the
 * earliest running ones and are empty while the clocks are paused or stopped.
 */
@Entity
@Table(name = "tickets")
public class Ticket extends VersionedEntity {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;

    @Column(name = "team_key")
    public String team;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public String assignee;

    public String source;

    public String subject;

    public String text;

    @Column(name = "text_masked")
    public String textMasked;

    public String channel;
    public String language;
    public String intent;
    public String topic;
    public String sentiment;
    public String product;

    @Column(name = "customer_id")
    public String customerId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Customer customer;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ticket_feedback", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "feedback_id")
    @OrderBy
    public Set<String> feedbackIds = new LinkedHashSet<>();

    @Column(name = "routing_rule_id")
    public String routingRuleId;

    public String resolution;

    @Column(name = "resolution_count")
    public int resolutionCount;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "sla_business_hours")
    public boolean slaBusinessHours;

    @Column(name = "first_response_due")
    public Instant firstResponseDue;

    @Column(name = "first_response_risk_at")
    public Instant firstResponseRiskAt;

    @Column(name = "first_response_left_s")
    public Long firstResponseLeftSeconds;

    @Column(name = "first_response_risk_left_s")
    public Long firstResponseRiskLeftSeconds;

    @Column(name = "resolution_started_at")
    public Instant resolutionStartedAt;

    @Column(name = "resolution_due")
    public Instant resolutionDue;

    @Column(name = "resolution_risk_at")
    public Instant resolutionRiskAt;

    @Column(name = "resolution_left_s")
    public Long resolutionLeftSeconds;

    @Column(name = "resolution_risk_left_s")
    public Long resolutionRiskLeftSeconds;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "next_due")
    public Instant nextDue;

    @Column(name = "next_risk_at")
    public Instant nextRiskAt;

    /** ON_TRACK, AT_RISK or BREACHED for the clocks that run now. */
    @Column(name = "sla_state")
    public String slaState = "ON_TRACK";

    @Column(name = "at_risk_at")
    public Instant atRiskAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Starts both clocks from the policy of the ticket's priority. */
    public void startClocks(Instant now, SlaPolicy policy, BusinessCalendar calendar) {
        slaBusinessHours = policy.businessHours;
        pausedAt = null;
        if (firstRespondedAt == null) {
            Deadline first = SlaCalculator.start(createdAt, policy.firstResponseTarget(), calendar);
            firstResponseDue = first.due();
            firstResponseRiskAt = first.riskAt();
        }
        startResolutionClock(resolutionStartedAt == null ? now : resolutionStartedAt, policy, calendar);
    }

    /** A new resolution clock, e.g. after a reopen; the ticket is back on track. */
    public void startResolutionClock(Instant at, SlaPolicy policy, BusinessCalendar calendar) {
        slaBusinessHours = policy.businessHours;
        resolutionStartedAt = at;
        Deadline resolution = SlaCalculator.start(at, policy.resolutionTarget(), calendar);
        resolutionDue = resolution.due();
        resolutionRiskAt = resolution.riskAt();
        slaState = "ON_TRACK";
        pausedAt = null;
        refreshNext();
    }

    /**
     * Recomputes the deadlines from another policy (a priority change): the first-response clock from
     * creation, the resolution clock from its start. A paused ticket stays paused.
     */
    public void recomputeClocks(SlaPolicy policy, BusinessCalendar calendar) {
        if (!status.isOpen()) {
            return;
        }
        Instant paused = pausedAt;
        pausedAt = null;
        firstResponseLeftSeconds = null;
        firstResponseRiskLeftSeconds = null;
        resolutionLeftSeconds = null;
        resolutionRiskLeftSeconds = null;
        slaBusinessHours = policy.businessHours;
        if (firstRespondedAt == null) {
            Deadline first = SlaCalculator.start(createdAt, policy.firstResponseTarget(), calendar);
            firstResponseDue = first.due();
            firstResponseRiskAt = first.riskAt();
        }
        Deadline resolution = SlaCalculator.start(resolutionStartedAt, policy.resolutionTarget(), calendar);
        resolutionDue = resolution.due();
        resolutionRiskAt = resolution.riskAt();
        if (!"BREACHED".equals(slaState)) {
            // the escalation job flags it again if the new deadlines are already close
            slaState = "ON_TRACK";
        }
        refreshNext();
        if (paused != null) {
            pauseClocks(paused, calendar);
        }
    }

    /** Freezes what is left on the running clocks while the team waits on the customer. */
    public void pauseClocks(Instant now, BusinessCalendar calendar) {
        if (pausedAt != null || resolutionDue == null) {
            return;
        }
        if (firstRespondedAt == null && firstResponseDue != null) {
            Remaining left = SlaCalculator.pause(new Deadline(firstResponseDue, firstResponseRiskAt), now, slaBusinessHours, calendar);
            firstResponseLeftSeconds = left.due().toSeconds();
            firstResponseRiskLeftSeconds = left.riskAt().toSeconds();
        }
        Remaining left = SlaCalculator.pause(new Deadline(resolutionDue, resolutionRiskAt), now, slaBusinessHours, calendar);
        resolutionLeftSeconds = left.due().toSeconds();
        resolutionRiskLeftSeconds = left.riskAt().toSeconds();
        pausedAt = now;
        refreshNext();
    }

    /** Resumes paused clocks with what was left when they were paused. */
    public void resumeClocks(Instant now, BusinessCalendar calendar) {
        if (pausedAt == null) {
            return;
        }
        if (firstResponseLeftSeconds != null) {
            Deadline d = SlaCalculator.resume(new Remaining(Duration.ofSeconds(firstResponseLeftSeconds),
                    Duration.ofSeconds(firstResponseRiskLeftSeconds)), now, slaBusinessHours, calendar);
            firstResponseDue = d.due();
            firstResponseRiskAt = d.riskAt();
        }
        Deadline d = SlaCalculator.resume(new Remaining(Duration.ofSeconds(resolutionLeftSeconds),
                Duration.ofSeconds(resolutionRiskLeftSeconds)), now, slaBusinessHours, calendar);
        resolutionDue = d.due();
        resolutionRiskAt = d.riskAt();
        firstResponseLeftSeconds = null;
        firstResponseRiskLeftSeconds = null;
        resolutionLeftSeconds = null;
        resolutionRiskLeftSeconds = null;
        pausedAt = null;
        refreshNext();
    }

    /** Stops the clocks: nothing is due any more, and the escalation job no longer sees the ticket. */
    public void stopClocks() {
        pausedAt = null;
        nextDue = null;
        nextRiskAt = null;
    }

    public void markFirstResponse(Instant at) {
        if (firstRespondedAt == null) {
            firstRespondedAt = at;
            refreshNext();
        }
    }

    /** Keeps the earliest running deadline and risk point in the indexed columns. */
    public void refreshNext() {
        if (pausedAt != null || !status.isOpen()) {
            nextDue = null;
            nextRiskAt = null;
            return;
        }
        boolean firstRunning = firstRespondedAt == null && firstResponseDue != null;
        nextDue = earliest(firstRunning ? firstResponseDue : null, resolutionDue);
        nextRiskAt = earliest(firstRunning ? firstResponseRiskAt : null, resolutionRiskAt);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
