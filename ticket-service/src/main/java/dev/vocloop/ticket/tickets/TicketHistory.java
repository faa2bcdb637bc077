package dev.vocloop.ticket.tickets;

import dev.vocloop.commons.Ids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One change to a ticket: who, when, what, before and after. Rows are only ever added. */
@Entity
@Table(name = "ticket_history")
public class TicketHistory extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "ticket_id")
    public String ticketId;

    public Instant at;
    public String actor;
    public String action;
    public String field;
    public String before;
    public String after;

    public static void record(String ticketId, Instant at, String actor, String action, String field, Object before, Object after) {
        TicketHistory h = new TicketHistory();
        h.id = Ids.newId();
        h.ticketId = ticketId;
        h.at = at;
        h.actor = actor;
        h.action = action;
        h.field = field;
        h.before = before == null ? null : Objects.toString(before);
        h.after = after == null ? null : Objects.toString(after);
        h.persist();
    }
}
