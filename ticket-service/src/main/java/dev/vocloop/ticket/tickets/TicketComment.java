package dev.vocloop.ticket.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment on a ticket, internal to the team or visible to the customer. */
@Entity
@Table(name = "ticket_comments")
public class TicketComment extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "ticket_id")
    public String ticketId;

    public String author;

    /** INTERNAL or PUBLIC. */
    public String visibility;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;
}
