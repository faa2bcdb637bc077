package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.Problem;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.security.Caller;
import dev.vocloop.ticket.idempotency.IdempotencyService;
import dev.vocloop.ticket.idempotency.IdempotencyService.Answer;
import dev.vocloop.ticket.outbox.OutboxService;
import dev.vocloop.ticket.routing.RoutingConfig;
import dev.vocloop.ticket.routing.RoutingDecision;
import dev.vocloop.ticket.routing.RoutingInput;
import dev.vocloop.ticket.routing.RoutingService;
import dev.vocloop.ticket.sla.Priority;
import dev.vocloop.ticket.sla.SlaCalculator;
import dev.vocloop.ticket.sla.SlaPolicy;
import dev.vocloop.ticket.teams.BusinessCalendar;
import dev.vocloop.ticket.teams.Team;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Tickets: intake from feedback, status changes with their SLA effects, resolution and its follow-up. */
@ApplicationScoped
public class TicketService {

    static final String FOLLOW_UPS_PATH = "/internal/follow-ups";
    private static final int MAX_PAGE = 200;

    private final EntityManager em;
    private final IdempotencyService idempotency;
    private final RoutingService routing;
    private final OutboxService outbox;
    private final TicketMetrics metrics;
    private final RoutingConfig routingConfig;

    public TicketService(EntityManager em, IdempotencyService idempotency, RoutingService routing, OutboxService outbox,
            TicketMetrics metrics, RoutingConfig routingConfig) {
        this.routingConfig = routingConfig;
        this.em = em;
        this.idempotency = idempotency;
        this.routing = routing;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * Opens a ticket for a feedback item, or adds it to the open ticket of the same customer and
     * topic. Idempotent on the key and on the feedback id: the same feedback is one ticket.
     */
    @Transactional
    public Response fromFeedback(String idempotencyKey, FromFeedbackRequest in) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? "feedback:" + in.feedbackId() : idempotencyKey;
        // Serialise intake per feedback item and per (customer, topic): replicas never open two tickets for one.
        advisoryLock("feedback:" + in.feedbackId());
        String customerId = in.customer() == null ? null : in.customer().id();
        if (customerId != null && in.topic() != null) {
            advisoryLock("merge:" + customerId + "|" + in.topic());
        }
        return idempotency.once(key, "from-feedback:" + in.feedbackId(), () -> intake(in));
    }

    private Answer intake(FromFeedbackRequest in) {
        Ticket existing = findByFeedback(in.feedbackId());
        if (existing != null) {
            return new Answer(200, answer(existing, false));
        }
        Instant now = Instant.now();
        String customerId = in.customer() == null ? null : in.customer().id();
        if (customerId != null && in.topic() != null) {
            Ticket open = Ticket.<Ticket>find("customerId = :c and topic = :t and status in :s order by createdAt",
                    Parameters.with("c", customerId).and("t", in.topic()).and("s", TicketStatus.OPEN_STATUSES)).firstResult();
            if (open != null) {
                open.feedbackIds.add(in.feedbackId());
                open.updatedAt = now;
                TicketHistory.record(open.id, now, "feedback-service", "FEEDBACK_MERGED", "feedbackIds", null, in.feedbackId());
                em.flush();
                return new Answer(200, answer(open, true));
            }
        }
        String level = in.priority() == null || in.priority().level() == null ? Priority.P3.name()
                : Priority.parse("priority.level", in.priority().level()).name();
        String text = noNul(in.textMasked() != null ? in.textMasked() : in.text());
        RoutingDecision decision = routing.route(new RoutingInput(in.intent(), in.topic(), in.channel(), in.language(), level,
                in.product(), in.customer() == null ? null : in.customer().tier(),
                in.customer() == null ? null : in.customer().lifecycleStage(), in.text() != null ? in.text() : text));
        Ticket t = new Ticket();
        t.id = Ids.newId();
        t.source = "FEEDBACK";
        t.subject = subjectOf(noNul(in.summary()), text);
        t.text = noNul(in.text());
        t.textMasked = noNul(in.textMasked());
        t.channel = in.channel();
        t.language = in.language();
        t.intent = in.intent();
        t.topic = in.topic();
        t.sentiment = in.sentiment();
        t.product = in.product();
        t.customer = in.customer();
        t.customerId = customerId;
        t.feedbackIds.add(in.feedbackId());
        open(t, decision, now, "feedback-service");
        return new Answer(201, answer(t, false));
    }

    /** Routes, starts the clocks and stores a new ticket. */
    void open(Ticket t, RoutingDecision decision, Instant now, String actor) {
        Team team = Team.findById(decision.team());
        if (team == null) {
            // a hand-over must not bounce because a team vanished: the default team takes the ticket
            team = Team.findById(routingConfig.defaultTeam());
            if (team == null) {
                throw ProblemException.unprocessable("neither team " + decision.team() + " nor the default team exists");
            }
            decision = new RoutingDecision(team.key, decision.ruleId(), decision.ruleName(),
                    List.of("team " + decision.team() + " does not exist: default team"), decision.tags(), decision.priority());
        }
        t.team = team.key;
        t.priority = Priority.valueOf(decision.priority());
        t.tags = new ArrayList<>(decision.tags());
        t.routingRuleId = decision.ruleId();
        t.status = TicketStatus.NEW;
        t.createdAt = now;
        t.updatedAt = now;
        t.startClocks(now, policy(t.priority), team.calendar);
        t.persist();
        if (!team.members.isEmpty()) {
            // a team with members gets the ticket assigned straight away, like a manual assign without a name
            Team locked = Team.findById(team.key, LockModeType.PESSIMISTIC_WRITE);
            t.assignee = leastLoaded(locked);
            t.status = TicketStatus.OPEN;
            t.refreshNext();
        }
        TicketHistory.record(t.id, now, actor, "CREATED", "team", null, t.team + " (" + String.join("; ", decision.reasons()) + ")");
        metrics.created(t);
        Log.infof("ticket %s opened for team %s at %s", t.id, t.team, t.priority);
    }

    @Transactional
    public TicketView get(String id, Caller caller) {
        return view(visible(id, caller));
    }

    /** Filtered list, newest first; the cursor is the last id of the previous page. */
    @Transactional
    public TicketPage<TicketView> list(TicketFilter f, Caller caller) {
        int limit = f.limit() == null ? 50 : f.limit();
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        StringJoiner where = new StringJoiner(" and ");
        Parameters p = new Parameters();
        where.add("1 = 1");
        if (f.feedbackId() != null) {
            where.add("id in (select tf.ticket_id from ticket_feedback tf where tf.feedback_id = :fid)");
            p.and("fid", f.feedbackId());
        }
        if (f.team() != null) {
            where.add("team_key = :team");
            p.and("team", f.team());
        }
        if (f.status() != null) {
            where.add("status = :status");
            p.and("status", parseStatus("status", f.status()).name());
        }
        if (f.priority() != null) {
            where.add("priority = :priority");
            p.and("priority", Priority.parse("priority", f.priority()).name());
        }
        if (f.assignee() != null) {
            where.add("assignee = :assignee");
            p.and("assignee", f.assignee());
        }
        if (f.customerId() != null) {
            where.add("customer_id = :customer");
            p.and("customer", f.customerId());
        }
        if (f.cursor() != null) {
            where.add("id < :cursor");
            p.and("cursor", f.cursor());
        }
        if (caller.scoped()) {
            if (caller.teams().isEmpty()) {
                return new TicketPage<>(List.of(), null);
            }
            where.add("team_key in (:teams)");
            p.and("teams", caller.teams());
        }
        var query = em.createNativeQuery("select * from tickets where " + where + " order by id desc limit :limit", Ticket.class);
        for (Map.Entry<String, Object> e : p.map().entrySet()) {
            query.setParameter(e.getKey(), e.getValue());
        }
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Ticket> rows = query.getResultList();
        String next = rows.size() > limit ? rows.get(limit - 1).id : null;
        List<TicketView> items = rows.stream().limit(limit).map(this::view).toList();
        return new TicketPage<>(items, next);
    }

    /** Resolves, stops the clocks and, in the same transaction, asks survey-service for the follow-up. */
    @Transactional
    public TicketView resolve(String id, ResolveRequest in, Caller caller) {
        Ticket t = visible(id, caller);
        checkVersion(t, in.version());
        Instant now = Instant.now();
        moveTo(t, TicketStatus.RESOLVED, now, caller.actor());
        t.resolution = in.resolution();
        t.resolutionCount++;
        t.resolvedAt = now;
        // telling the customer what was done is a response too
        t.markFirstResponse(now);
        t.stopClocks();
        TicketHistory.record(t.id, now, caller.actor(), "RESOLVED", "resolution", null, "resolution #" + t.resolutionCount);
        if (t.customer != null) {
            String channel = t.customer.email() != null && !t.customer.email().isBlank() ? "EMAIL" : "IN_APP";
            outbox.enqueue("survey-service", FOLLOW_UPS_PATH, "ticket:" + t.id + ":resolution:" + t.resolutionCount,
                    new FollowUpRequest(t.id, t.resolutionCount, List.copyOf(t.feedbackIds), t.customer, t.resolution, channel));
        } else {
            TicketHistory.record(t.id, now, "system", "FOLLOW_UP_SKIPPED", null, null, "no customer to ask");
        }
        metrics.resolved(t);
        em.flush();
        return view(t);
    }

    /** Opens a ticket by hand; without a team the routing rules choose. */
    @Transactional
    public TicketView create(ManualTicketRequest in, Caller caller) {
        String level = in.priority() == null ? Priority.P3.name() : Priority.parse("priority", in.priority()).name();
        RoutingDecision decision;
        if (in.team() != null) {
            if (Team.findById(in.team()) == null) {
                throw ProblemException.invalidField("team", "unknown team " + in.team());
            }
            decision = new RoutingDecision(in.team(), null, null, List.of("team chosen by hand"), List.of(), level);
        } else {
            decision = routing.route(new RoutingInput(in.intent(), in.topic(), in.channel(), in.language(), level, in.product(),
                    in.customer() == null ? null : in.customer().tier(),
                    in.customer() == null ? null : in.customer().lifecycleStage(), in.subject() + "\n" + (in.text() == null ? "" : in.text())));
        }
        if (!caller.maySee(decision.team())) {
            throw ProblemException.unprocessable("agents can only open tickets for their own teams");
        }
        Ticket t = new Ticket();
        t.id = Ids.newId();
        t.source = "MANUAL";
        t.subject = in.subject().strip();
        t.text = in.text();
        t.intent = in.intent();
        t.topic = in.topic();
        t.channel = in.channel();
        t.language = in.language();
        t.product = in.product();
        t.customer = in.customer();
        t.customerId = in.customer() == null ? null : in.customer().id();
        open(t, decision, Instant.now(), caller.actor());
        em.flush();
        return view(t);
    }

    /** Moves a ticket along the status machine (409 with the allowed statuses otherwise). */
    @Transactional
    public TicketView changeStatus(String id, StatusChangeRequest in, Caller caller) {
        Ticket t = visible(id, caller);
        checkVersion(t, in.version());
        TicketStatus next = parseStatus("status", in.status());
        if (next == TicketStatus.RESOLVED) {
            throw ProblemException.unprocessable("use POST /api/v1/tickets/{id}/resolve, which needs a resolution");
        }
        moveTo(t, next, Instant.now(), caller.actor());
        em.flush();
        return view(t);
    }

    /** Reopens a resolved or closed ticket by hand: a new resolution clock starts. */
    @Transactional
    public TicketView reopen(String id, Long version, Caller caller) {
        Ticket t = visible(id, caller);
        checkVersion(t, version);
        moveTo(t, TicketStatus.REOPENED, Instant.now(), caller.actor());
        em.flush();
        return view(t);
    }

    /** Changes priority (deadlines are recomputed from the new policy), tags or subject. */
    @Transactional
    public TicketView update(String id, TicketUpdateRequest in, Caller caller) {
        Ticket t = visible(id, caller);
        checkVersion(t, in.version());
        Instant now = Instant.now();
        if (in.priority() != null) {
            Priority next = Priority.parse("priority", in.priority());
            if (next != t.priority) {
                TicketHistory.record(t.id, now, caller.actor(), "PRIORITY_CHANGED", "priority", t.priority, next);
                t.priority = next;
                t.recomputeClocks(policy(next), calendarOf(t.team));
            }
        }
        if (in.tags() != null) {
            TicketHistory.record(t.id, now, caller.actor(), "TAGS_CHANGED", "tags", t.tags, in.tags());
            t.tags = new ArrayList<>(in.tags());
        }
        if (in.subject() != null && !in.subject().equals(t.subject)) {
            TicketHistory.record(t.id, now, caller.actor(), "SUBJECT_CHANGED", "subject", t.subject, in.subject());
            t.subject = in.subject();
        }
        t.updatedAt = now;
        em.flush();
        return view(t);
    }

    /** Assigns by hand (to a member of the team), or automatically: fewest open tickets, round robin on ties. */
    @Transactional
    public TicketView assign(String id, AssignRequest in, Caller caller) {
        Ticket t = visible(id, caller);
        checkVersion(t, in.version());
        // the team row is the lock that keeps concurrent automatic assignments fair
        Team team = Team.findById(t.team, LockModeType.PESSIMISTIC_WRITE);
        String assignee;
        if (in.assignee() != null) {
            if (!team.members.contains(in.assignee())) {
                throw ProblemException.invalidField("assignee", "is not a member of team " + team.key);
            }
            assignee = in.assignee();
        } else {
            assignee = leastLoaded(team);
        }
        Instant now = Instant.now();
        TicketHistory.record(t.id, now, caller.actor(), "ASSIGNED", "assignee", t.assignee, assignee);
        t.assignee = assignee;
        if (t.status == TicketStatus.NEW) {
            moveTo(t, TicketStatus.OPEN, now, caller.actor());
        }
        t.updatedAt = now;
        em.flush();
        return view(t);
    }

    private String leastLoaded(Team team) {
        if (team.members.isEmpty()) {
            throw ProblemException.unprocessable("team " + team.key + " has no members to assign to");
        }
        List<Object[]> rows = em.createQuery("select t.assignee, count(t) from Ticket t where t.team = :team "
                        + "and t.status in :open and t.assignee in :members group by t.assignee", Object[].class)
                .setParameter("team", team.key).setParameter("open", TicketStatus.OPEN_STATUSES)
                .setParameter("members", team.members).getResultList();
        Map<String, Long> load = new java.util.HashMap<>();
        rows.forEach(r -> load.put((String) r[0], (Long) r[1]));
        long min = team.members.stream().mapToLong(m -> load.getOrDefault(m, 0L)).min().orElse(0);
        int n = team.members.size();
        for (int i = 0; i < n; i++) {
            int index = (int) ((team.rrCursor + i) % n);
            String member = team.members.get(index);
            if (load.getOrDefault(member, 0L) == min) {
                team.rrCursor = index + 1;
                return member;
            }
        }
        throw new IllegalStateException("no member with the least load");
    }

    /** Adds a comment; a public one from the team is the first response if none came before. */
    @Transactional
    public CommentView comment(String id, CommentRequest in, Caller caller) {
        Ticket t = visible(id, caller);
        Instant now = Instant.now();
        TicketComment c = new TicketComment();
        c.id = Ids.newId();
        c.ticketId = t.id;
        c.author = caller.actor();
        c.visibility = in.visibility() == null ? "INTERNAL" : in.visibility();
        c.body = in.body();
        c.createdAt = now;
        c.persist();
        if ("PUBLIC".equals(c.visibility) && t.firstRespondedAt == null) {
            t.markFirstResponse(now);
            TicketHistory.record(t.id, now, caller.actor(), "FIRST_RESPONSE", "firstRespondedAt", null, now);
        }
        TicketHistory.record(t.id, now, caller.actor(), "COMMENTED", "comment", null, c.visibility);
        t.updatedAt = now;
        em.flush();
        return CommentView.of(c);
    }

    @Transactional
    public List<CommentView> comments(String id, Caller caller) {
        Ticket t = visible(id, caller);
        return TicketComment.<TicketComment>find("ticketId = ?1 order by createdAt, id", t.id).stream().map(CommentView::of).toList();
    }

    @Transactional
    public List<HistoryView> history(String id, Caller caller) {
        Ticket t = visible(id, caller);
        return TicketHistory.<TicketHistory>find("ticketId = ?1 order by at, id", t.id).stream().map(HistoryView::of).toList();
    }

    /** Applies the customer's answer: SOLVED closes, NOT_SOLVED reopens, EXPIRED closes unconfirmed. */
    @Transactional
    public Response followUpOutcome(String ticketId, String idempotencyKey, FollowUpOutcomeRequest in) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? "follow-up:" + in.followUpId() + ":outcome" : idempotencyKey;
        return idempotency.once(key, "outcome:" + ticketId + ":" + in.followUpId() + ":" + in.outcome(), () -> {
            Ticket t = Ticket.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
            if (t == null) {
                throw ProblemException.notFound("no ticket " + ticketId);
            }
            Instant now = Instant.now();
            TicketStatus next = switch (in.outcome()) {
                case SOLVED -> TicketStatus.CLOSED;
                case NOT_SOLVED -> TicketStatus.REOPENED;
                case EXPIRED -> TicketStatus.CLOSED_UNCONFIRMED;
            };
            moveTo(t, next, now, "survey-service");
            TicketHistory.record(t.id, now, "survey-service", "FOLLOW_UP_" + in.outcome(), "rating", null, in.rating());
            em.flush();
            return new Answer(200, new FollowUpOutcomeAnswer(t.id, t.status.name()));
        });
    }

    /**
     * The one place a status changes: checks the transition (409 with the allowed ones) and applies
     * its effect on the SLA clocks.
     */
    void moveTo(Ticket t, TicketStatus next, Instant now, String actor) {
        if (!t.status.canMoveTo(next)) {
            String allowed = t.status.allowedNext().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            throw new ProblemException(409, "invalid-transition", "Invalid status transition",
                    "a " + t.status + " ticket cannot become " + next + "; allowed: " + (allowed.isEmpty() ? "none" : allowed),
                    List.of(new Problem.FieldError("status", "allowed: " + allowed)));
        }
        TicketStatus before = t.status;
        BusinessCalendar calendar = calendarOf(t.team);
        if (before == TicketStatus.WAITING_ON_CUSTOMER) {
            t.resumeClocks(now, calendar);
        }
        t.status = next;
        switch (next) {
            case WAITING_ON_CUSTOMER -> t.pauseClocks(now, calendar);
            case REOPENED -> {
                t.reopenCount++;
                t.closedAt = null;
                t.startResolutionClock(now, policy(t.priority), calendar);
                metrics.reopened(t);
            }
            case CLOSED, CLOSED_UNCONFIRMED -> {
                t.closedAt = now;
                t.stopClocks();
                metrics.closed(t);
            }
            default -> t.refreshNext();
        }
        t.updatedAt = now;
        TicketHistory.record(t.id, now, actor, "STATUS_CHANGED", "status", before, next);
    }

    Ticket visible(String id, Caller caller) {
        Ticket t = Ticket.findById(id);
        // another team's ticket is answered exactly like a missing one, so agents cannot probe ids
        if (t == null || !caller.maySee(t.team)) {
            throw ProblemException.notFound("no ticket " + id);
        }
        return t;
    }

    static void checkVersion(Ticket t, Long expected) {
        if (expected != null && expected != t.version) {
            throw ProblemException.conflict("the ticket was changed meanwhile (version " + t.version + ", you sent " + expected + ")");
        }
    }

    static TicketStatus parseStatus(String field, String value) {
        try {
            return TicketStatus.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "unknown status " + value);
        }
    }

    SlaPolicy policy(Priority priority) {
        SlaPolicy policy = SlaPolicy.findById(priority.name());
        if (policy == null) {
            throw ProblemException.unprocessable("no SLA policy for " + priority);
        }
        return policy;
    }

    BusinessCalendar calendarOf(String team) {
        Team t = Team.findById(team);
        return t == null ? BusinessCalendar.standard(BusinessCalendar.DEFAULT_TIMEZONE) : t.calendar;
    }

    TicketView view(Ticket t) {
        Instant now = Instant.now();
        BusinessCalendar calendar = calendarOf(t.team);
        Long firstLeft = null;
        if (t.firstResponseDue != null) {
            firstLeft = t.firstResponseLeftSeconds != null ? t.firstResponseLeftSeconds
                    : SlaCalculator.timeLeft(t.firstResponseDue, now, t.firstRespondedAt, t.slaBusinessHours, calendar).toSeconds();
        }
        Long resolutionLeft = null;
        if (t.resolutionDue != null) {
            Instant stopped = t.status.isOpen() ? null : t.resolvedAt;
            resolutionLeft = t.resolutionLeftSeconds != null ? t.resolutionLeftSeconds
                    : SlaCalculator.timeLeft(t.resolutionDue, now, stopped, t.slaBusinessHours, calendar).toSeconds();
        }
        TicketView.Sla sla = new TicketView.Sla(t.slaState, t.slaBusinessHours, t.pausedAt != null, t.firstResponseDue,
                t.firstRespondedAt, firstLeft, t.resolutionDue, resolutionLeft, t.resolvedAt, t.breachedAt);
        return new TicketView(t.id, t.status.name(), t.team, t.priority.name(), t.assignee, t.source, t.subject,
                t.textMasked != null ? t.textMasked : t.text, t.channel, t.language, t.intent, t.topic, t.sentiment,
                t.product, t.customer, List.copyOf(t.tags), List.copyOf(t.feedbackIds), t.routingRuleId, t.resolution,
                t.resolutionCount, t.reopenCount, sla, t.status.allowedNext(), t.version, t.createdAt, t.updatedAt);
    }

    private Ticket findByFeedback(String feedbackId) {
        List<?> ids = em.createNativeQuery("select ticket_id from ticket_feedback where feedback_id = ?1")
                .setParameter(1, feedbackId).getResultList();
        return ids.isEmpty() ? null : Ticket.findById(ids.get(0));
    }

    private static FromFeedbackAnswer answer(Ticket t, boolean merged) {
        return new FromFeedbackAnswer(t.id, t.team, t.status.name(), t.priority.name(), merged);
    }

    private void advisoryLock(String name) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l").setParameter(1, name).getSingleResult();
    }

    /** PostgreSQL text cannot hold NUL; a hand-over must not bounce for a stray one, so it is dropped. */
    private static String noNul(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    static String subjectOf(String summary, String text) {
        String s = summary != null && !summary.isBlank() ? summary : text == null ? "" : text;
        s = s.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return "(no text)";
        }
        return s.codePointCount(0, s.length()) > 120 ? s.substring(0, s.offsetByCodePoints(0, 120)) + "…" : s;
    }
}
