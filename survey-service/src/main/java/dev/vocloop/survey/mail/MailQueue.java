package dev.vocloop.survey.mail;

import dev.vocloop.commons.Ids;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Queues e-mail in the database in the caller's transaction, so that a mail exists exactly when
 * the change that causes it was committed. Bodies are rendered from Qute templates under
 * {@code templates/mail/<name>.<lang>.txt} with the subject on the first line.
 */
@ApplicationScoped
public class MailQueue {

    private final Engine qute;
    private final Event<MailQueued> queued;

    public MailQueue(Engine qute, Event<MailQueued> queued) {
        this.qute = qute;
        this.queued = queued;
    }

    /** A rendered mail: subject and plain-text body. */
    public record Rendered(String subject, String body) {
    }

    /** Renders template {@code name} in Chinese ({@code zh}) or English ({@code en}). */
    public Rendered render(String name, boolean chinese, Map<String, Object> data) {
        Template template = qute.getTemplate("mail/" + name + "." + (chinese ? "zh" : "en") + ".txt");
        if (template == null) {
            throw new IllegalStateException("missing mail template " + name);
        }
        String text = template.data(data).render();
        int nl = text.indexOf('\n');
        return new Rendered(text.substring(0, nl).replaceFirst("^Subject:\\s*", "").strip(), text.substring(nl + 1).stripLeading());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutgoingMail enqueue(String to, Rendered mail, String unsubscribeUrl, String followUpId, String invitationId) {
        OutgoingMail m = new OutgoingMail();
        m.id = Ids.newId();
        m.to = to;
        m.subject = mail.subject();
        m.body = mail.body();
        m.unsubscribeUrl = unsubscribeUrl;
        m.followUpId = followUpId;
        m.invitationId = invitationId;
        m.status = OutgoingMail.Status.QUEUED;
        m.createdAt = Instant.now();
        m.nextAttemptAt = m.createdAt;
        m.persist();
        queued.fire(new MailQueued(m.id));
        return m;
    }
}
