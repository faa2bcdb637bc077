package dev.vocloop.survey.mail;

import dev.vocloop.commons.relay.Backoff;
import dev.vocloop.commons.relay.RelayLoop;
import dev.vocloop.survey.config.SurveyConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Sends queued mail over SMTP. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * then sent outside the claiming transaction so that a slow SMTP server holds no database locks;
 * a relay that dies mid-send loses its lease and another one sends the mail. An SMTP outage only
 * delays mail: each failure is recorded on the row and retried with exponential backoff, and
 * after the configured attempts the mail is parked as FAILED (visible on its follow-up). A server that
 * accepts the connection and then says nothing counts as a failure after {@code send-timeout}.
 */
@ApplicationScoped
public class MailRelay {

    private final EntityManager em;
    private final ReactiveMailer mailer;
    private final SurveyConfig config;
    private final Event<MailDelivered> delivered;
    private final Counter sent;
    private final Counter failed;
    private final RelayLoop loop;

    public MailRelay(EntityManager em, ReactiveMailer mailer, SurveyConfig config, Event<MailDelivered> delivered, MeterRegistry metrics) {
        this.em = em;
        this.mailer = mailer;
        this.config = config;
        this.delivered = delivered;
        this.sent = metrics.counter("vocloop.survey.mail.sent");
        this.failed = metrics.counter("vocloop.survey.mail.parked");
        this.loop = new RelayLoop("mail-relay", this::round);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued event) {
        loop.wake();
    }

    @Scheduled(every = "${vocloop.mail.sweep-interval:5s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        loop.wake();
    }

    void shutdown(@Observes ShutdownEvent event) {
        loop.shutdown();
    }

    /** Wakes the relay now; for tests and admin actions that change the queue outside a transaction. */
    public void wake() {
        loop.wake();
    }

    int round() {
        List<OutgoingMail> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        for (OutgoingMail mail : claimed) {
            send(mail);
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<OutgoingMail> claim() {
        Instant now = Instant.now();
        List<OutgoingMail> due = em.createNativeQuery("""
                SELECT * FROM outgoing_mail
                 WHERE status = 'QUEUED' AND next_attempt_at <= :now
                   AND (locked_until IS NULL OR locked_until < :now)
                 ORDER BY next_attempt_at
                 LIMIT :n
                 FOR UPDATE SKIP LOCKED
                """, OutgoingMail.class)
                .setParameter("now", now)
                .setParameter("n", config.mail().batchSize())
                .getResultList();
        for (OutgoingMail mail : due) {
            mail.lockedUntil = now.plus(config.mail().lease());
        }
        em.flush();
        due.forEach(em::detach);
        return due;
    }

    private void send(OutgoingMail mail) {
        Mail message = Mail.withText(mail.to, mail.subject, mail.body);
        if (mail.unsubscribeUrl != null) {
            // RFC 8058 one-click unsubscribe: mail clients POST to the URL.
            message.addHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl + ">");
            message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        String error = null;
        try {
            // Bounded: the blocking Mailer waits forever, so one SMTP server that accepts a connection and
            // never answers would stall this relay (and all mail behind it) until a restart.
            mailer.send(message).await().atMost(config.mail().sendTimeout());
        } catch (RuntimeException e) {
            error = describe(e);
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> record(mail.id, failure));
    }

    private void record(String id, String error) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        if (mail == null || mail.status != OutgoingMail.Status.QUEUED) {
            return;
        }
        Instant now = Instant.now();
        mail.attempts++;
        mail.lockedUntil = null;
        if (error == null) {
            mail.status = OutgoingMail.Status.SENT;
            mail.sentAt = now;
            mail.lastError = null;
            sent.increment();
            delivered.fire(new MailDelivered(mail.id, mail.followUpId, mail.invitationId));
            return;
        }
        mail.lastError = error;
        if (mail.attempts >= config.mail().maxAttempts()) {
            mail.status = OutgoingMail.Status.FAILED;
            failed.increment();
            Log.errorf("mail %s parked as FAILED after %d attempts: %s", mail.id, mail.attempts, error);
        } else {
            mail.nextAttemptAt = now.plus(Backoff.next(mail.attempts, config.mail().initialBackoff(), config.mail().maxBackoff()));
            Log.warnf("mail %s attempt %d failed, next at %s: %s", mail.id, mail.attempts, mail.nextAttemptAt, error);
        }
    }

    /** The error without addresses or bodies: exception type and the first line of its root cause. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        message = message.replaceAll("[\\w.+-]+@[\\w.-]+", "<address>");
        String text = root.getClass().getSimpleName() + ": " + message;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
