package dev.vocloop.survey.followup;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.survey.config.SurveyConfig;
import dev.vocloop.survey.contact.Contact;
import dev.vocloop.survey.contact.ContactService;
import dev.vocloop.survey.contact.CustomerRef;
import dev.vocloop.survey.idempotency.IdempotencyService;
import dev.vocloop.survey.mail.MailDelivered;
import dev.vocloop.survey.mail.MailQueue;
import dev.vocloop.survey.mail.OutgoingMail;
import dev.vocloop.survey.outbox.HandOver;
import dev.vocloop.survey.outbox.OutboxService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 5 of the loop: creates follow-ups for resolved tickets (queueing their e-mail in the same
 * transaction), takes the customer's answer, expires silence, and hands every outcome to
 * ticket-service and feedback-service through the outbox.
 */
@ApplicationScoped
public class FollowUpService {

    /** Status and body of a {@code POST /internal/follow-ups}, first or replayed. */
    public record CreateResult(int status, Object body) {
    }

    /** Body of {@code POST /internal/tickets/{ticketId}/follow-up-outcome} (CONTRACT.md). */
    public record TicketOutcome(String followUpId, String outcome, Integer rating, String comment, Instant at) {
    }

    /** Body of {@code POST /internal/feedback/loop-outcome} (CONTRACT.md). */
    public record LoopOutcome(List<String> feedbackIds, String ticketId, String outcome, Integer rating, Instant at) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final EntityManager em;
    private final SurveyConfig config;
    private final ContactService contacts;
    private final IdempotencyService idempotency;
    private final MailQueue mail;
    private final OutboxService outbox;

    public FollowUpService(EntityManager em, SurveyConfig config, ContactService contacts, IdempotencyService idempotency,
                           MailQueue mail, OutboxService outbox) {
        this.em = em;
        this.config = config;
        this.contacts = contacts;
        this.idempotency = idempotency;
        this.mail = mail;
        this.outbox = outbox;
    }

    /**
     * Creates the follow-up of one resolution, once. Idempotent on (ticketId, resolutionCount) and
     * on the Idempotency-Key: an advisory lock on the resolution serialises concurrent deliveries
     * (several ticket-service relays), so the second one finds the first one's answer.
     */
    @Transactional
    public CreateResult create(String idempotencyKey, CreateFollowUpRequest request) {
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? "ticket:" + request.ticketId() + ":resolution:" + request.resolutionCount()
                : idempotencyKey;
        idempotency.lock("follow-up:" + request.ticketId() + ":" + request.resolutionCount());
        Optional<IdempotencyService.StoredAnswer> stored = idempotency.find(key);
        if (stored.isPresent()) {
            return new CreateResult(stored.get().status(), stored.get().body());
        }
        Optional<FollowUp> existing = FollowUp.find("ticketId = ?1 and resolutionCount = ?2", request.ticketId(),
                request.resolutionCount()).firstResultOptional();
        if (existing.isPresent()) {
            FollowUpCreated body = created(existing.get());
            idempotency.remember(key, 200, body);
            return new CreateResult(200, body);
        }

        CustomerRef customer = request.customer();
        Contact contact = contacts.remember(customer);
        boolean hasEmail = customer.email() != null && !customer.email().isBlank();
        FollowUp followUp = new FollowUp();
        followUp.id = Ids.newId();
        followUp.ticketId = request.ticketId();
        followUp.resolutionCount = request.resolutionCount();
        followUp.feedbackIds = request.feedbackIds() == null ? List.of() : List.copyOf(request.feedbackIds());
        followUp.customerId = customer.id();
        followUp.customerEmail = customer.email();
        followUp.customerLocale = customer.locale();
        followUp.resolution = request.resolution();
        // Without an address an e-mail follow-up cannot reach anyone: ask in the app instead.
        followUp.channel = "IN_APP".equals(request.channel()) || !hasEmail ? FollowUp.Channel.IN_APP : FollowUp.Channel.EMAIL;
        followUp.token = dev.vocloop.survey.support.Tokens.newToken();
        followUp.status = FollowUp.Status.PENDING;
        followUp.createdAt = Instant.now();
        followUp.expiresAt = followUp.createdAt.plus(config.followUps().expiryDays(), ChronoUnit.DAYS);
        followUp.persist();

        // Follow-ups are exempt from the survey contact budget, never from an opt-out.
        if (followUp.channel == FollowUp.Channel.EMAIL && !contact.optedOut()) {
            queueMail(followUp, customer, contact);
        } else if (contact.optedOut()) {
            Log.infof("follow-up %s not mailed: customer opted out", followUp.id);
        }
        FollowUpCreated body = created(followUp);
        idempotency.remember(key, 201, body);
        Log.infof("follow-up %s created for ticket %s resolution %d (%s)", followUp.id, followUp.ticketId,
                followUp.resolutionCount, followUp.channel);
        return new CreateResult(201, body);
    }

    private void queueMail(FollowUp followUp, CustomerRef customer, Contact contact) {
        String link = link(followUp);
        Map<String, Object> data = new HashMap<>();
        data.put("name", customer.name());
        data.put("resolution", followUp.resolution);
        data.put("yesUrl", link + "?solved=yes");
        data.put("noUrl", link + "?solved=no");
        data.put("expiresOn", DAY.format(followUp.expiresAt));
        String unsubscribe = contacts.unsubscribeUrl(contact);
        data.put("unsubscribeUrl", contacts.unsubscribePageUrl(contact));
        MailQueue.Rendered rendered = mail.render("follow-up", customer.chinese(), data);
        mail.enqueue(customer.email(), rendered, unsubscribe, followUp.id, null);
    }

    private String link(FollowUp followUp) {
        return config.publicBaseUrl() + "/follow-up/" + followUp.token;
    }

    private static FollowUpCreated created(FollowUp f) {
        return new FollowUpCreated(f.id, f.status.name(), f.channel.name());
    }

    /** Marks a follow-up as sent once its e-mail left, inside the relay's transaction. */
    void onMailDelivered(@Observes MailDelivered event) {
        if (event.followUpId() == null) {
            return;
        }
        FollowUp followUp = em.find(FollowUp.class, event.followUpId());
        if (followUp != null && followUp.status == FollowUp.Status.PENDING) {
            followUp.status = FollowUp.Status.SENT;
            followUp.sentAt = Instant.now();
        }
    }

    /**
     * Records the customer's answer and, in the same transaction, the two hand-overs: the outcome to
     * ticket-service (SOLVED closes, NOT_SOLVED reopens) and the loop outcome to feedback-service.
     * The row lock makes a double click answer once and the second click a 409.
     */
    @Transactional
    public FollowUp answer(String token, AnswerRequest request) {
        FollowUp followUp = byToken(token, LockModeType.PESSIMISTIC_WRITE);
        if (followUp.status == FollowUp.Status.ANSWERED) {
            throw ProblemException.conflict("this follow-up has already been answered");
        }
        Instant now = Instant.now();
        if (followUp.status == FollowUp.Status.EXPIRED || !now.isBefore(followUp.expiresAt)) {
            throw ProblemException.gone("this follow-up has expired");
        }
        followUp.status = FollowUp.Status.ANSWERED;
        followUp.solved = request.solved();
        followUp.rating = request.rating();
        followUp.comment = request.comment();
        followUp.answeredAt = now;
        handOver(followUp, request.solved() ? "SOLVED" : "NOT_SOLVED", request.solved() ? "CLOSED" : "REOPENED", now);
        if (request.solved()) {
            contacts.releaseBudgetOfSolvedDetractor(followUp.customerId);
        }
        Log.infof("follow-up %s answered (solved=%s)", followUp.id, followUp.solved);
        return followUp;
    }

    /**
     * Expires follow-ups left unanswered past their time, a batch at a time. Rows are claimed with
     * SKIP LOCKED so that replicas running the job at once split the work instead of waiting.
     */
    @Transactional
    public int expireDue() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<FollowUp> due = em.createNativeQuery("""
                SELECT * FROM follow_ups
                 WHERE status IN ('PENDING', 'SENT') AND expires_at <= :now
                 ORDER BY expires_at
                 LIMIT :n
                 FOR UPDATE SKIP LOCKED
                """, FollowUp.class)
                .setParameter("now", now)
                .setParameter("n", config.followUps().expiryBatchSize())
                .getResultList();
        for (FollowUp followUp : due) {
            followUp.status = FollowUp.Status.EXPIRED;
            handOver(followUp, "EXPIRED", "CLOSED_UNCONFIRMED", now);
        }
        if (!due.isEmpty()) {
            Log.infof("expired %d unanswered follow-ups", due.size());
        }
        return due.size();
    }

    private void handOver(FollowUp followUp, String ticketOutcome, String loopOutcome, Instant at) {
        outbox.enqueue(HandOver.TICKET_FOLLOW_UP_OUTCOME, followUp.ticketId, "follow-up:" + followUp.id + ":outcome",
                new TicketOutcome(followUp.id, ticketOutcome, followUp.rating, followUp.comment, at));
        // A ticket opened by hand has no feedback whose loop could close; feedback-service would refuse an empty list.
        if (followUp.feedbackIds != null && !followUp.feedbackIds.isEmpty()) {
            outbox.enqueue(HandOver.FEEDBACK_LOOP_OUTCOME, followUp.ticketId, "follow-up:" + followUp.id + ":loop",
                    new LoopOutcome(followUp.feedbackIds, followUp.ticketId, loopOutcome, followUp.rating, at));
        }
    }

    /** The public page's view of a follow-up, by its token. */
    public FollowUpPage page(String token) {
        FollowUp f = byToken(token, LockModeType.NONE);
        return new FollowUpPage(f.id, f.status.name(), f.resolution, f.customerLocale, f.expiresAt, f.solved, f.rating);
    }

    private FollowUp byToken(String token, LockModeType lock) {
        if (!dev.vocloop.survey.support.Tokens.plausible(token)) {
            throw ProblemException.notFound("unknown follow-up");
        }
        return FollowUp.<FollowUp>find("token", token).withLock(lock).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("unknown follow-up"));
    }

    /** Follow-ups of a ticket and/or a customer, newest first. */
    public List<FollowUpView> list(String ticketId, String customerId) {
        if ((ticketId == null || ticketId.isBlank()) && (customerId == null || customerId.isBlank())) {
            throw ProblemException.badRequest("give ticketId or customerId (or both)");
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (ticketId != null && !ticketId.isBlank()) {
            query.append(" and ticketId = :ticketId");
            params.put("ticketId", ticketId);
        }
        if (customerId != null && !customerId.isBlank()) {
            query.append(" and customerId = :customerId");
            params.put("customerId", customerId);
        }
        List<FollowUp> found = FollowUp.<FollowUp>find(query + " order by createdAt desc", params).page(0, 200).list();
        List<FollowUpView> views = new ArrayList<>(found.size());
        for (FollowUp f : found) {
            OutgoingMail latest = OutgoingMail.<OutgoingMail>find("followUpId = ?1 order by createdAt desc", f.id).firstResult();
            FollowUpView.MailState mailState = latest == null ? null
                    : new FollowUpView.MailState(latest.status.name(), latest.attempts, latest.lastError);
            String url = f.channel == FollowUp.Channel.IN_APP && f.open() ? link(f) : null;
            views.add(new FollowUpView(f.id, f.ticketId, f.resolutionCount, f.feedbackIds, f.customerId, f.channel.name(),
                    f.status.name(), f.solved, f.rating, f.createdAt, f.sentAt, f.answeredAt, f.expiresAt, url, mailState));
        }
        return views;
    }
}
