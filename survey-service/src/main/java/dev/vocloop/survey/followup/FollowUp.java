package dev.vocloop.survey.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Step 5 of the loop: the question "solved?" after one resolution of a ticket. */
@Entity
@Table(name = "follow_ups")
public class FollowUp extends PanacheEntityBase {

    /** PENDING (created, not yet delivered) → SENT → ANSWERED, or EXPIRED without an answer. */
    public enum Status { PENDING, SENT, ANSWERED, EXPIRED }

    /** How the customer is asked. */
    public enum Channel { EMAIL, IN_APP }

    @Id
    public String id;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "resolution_count")
    public int resolutionCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "feedback_ids")
    public List<String> feedbackIds;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_locale")
    public String customerLocale;

    public String resolution;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** The customer's single-use credential, the last path segment of the links. */
    public String token;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Boolean solved;

    public Integer rating;

    public String comment;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public boolean open() {
        return status == Status.PENDING || status == Status.SENT;
    }
}
