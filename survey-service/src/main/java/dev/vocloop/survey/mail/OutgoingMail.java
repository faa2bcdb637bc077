package dev.vocloop.survey.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One e-mail in the queue: rendered when queued, sent by {@link MailRelay}. */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail extends PanacheEntityBase {

    /** Where a mail is in its life. */
    public enum Status { QUEUED, SENT, FAILED }

    @Id
    public String id;

    @Column(name = "follow_up_id")
    public String followUpId;

    @Column(name = "invitation_id")
    public String invitationId;

    @Column(name = "to_address")
    public String to;

    public String subject;

    public String body;

    @Column(name = "unsubscribe_url")
    public String unsubscribeUrl;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** For diagnostics: the delivery state only, never the address or the text. */
    @Override
    public String toString() {
        return "OutgoingMail[" + id + " " + status + ", attempts " + attempts + ", next " + nextAttemptAt + ", last error " + lastError + "]";
    }
}
