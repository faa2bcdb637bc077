package dev.vocloop.survey.contact;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What survey-service keeps about a customer: address, language, opt-out and contact budget. */
@Entity
@Table(name = "contacts")
public class Contact extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    public String email;

    public String locale;

    /** Credential of the one-click unsubscribe link; one per customer so every mail carries the same. */
    @Column(name = "unsubscribe_token")
    public String unsubscribeToken;

    @Column(name = "opted_out_at")
    public Instant optedOutAt;

    /** Last survey invitation, the one contact budget shared by every survey and channel. */
    @Column(name = "last_invited_at")
    public Instant lastInvitedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean optedOut() {
        return optedOutAt != null;
    }
}
