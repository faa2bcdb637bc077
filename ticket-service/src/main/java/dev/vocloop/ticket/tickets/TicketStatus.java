package dev.vocloop.ticket.tickets;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a ticket: NEW → OPEN → IN_PROGRESS ⇄ WAITING_ON_CUSTOMER → RESOLVED → CLOSED
 * (customer confirmed), REOPENED (customer said no) or CLOSED_UNCONFIRMED (no answer in time).
 * Agents may resolve from any working state, because a quick fix does not walk every step.
 */
public enum TicketStatus {
    NEW, OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED, REOPENED, CLOSED_UNCONFIRMED;

    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(OPEN, IN_PROGRESS, RESOLVED),
            OPEN, EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED),
            IN_PROGRESS, EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED),
            WAITING_ON_CUSTOMER, EnumSet.of(IN_PROGRESS, RESOLVED),
            RESOLVED, EnumSet.of(CLOSED, REOPENED, CLOSED_UNCONFIRMED),
            REOPENED, EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED),
            // a closed ticket may still be reopened by hand when the problem comes back
            CLOSED, EnumSet.of(REOPENED),
            CLOSED_UNCONFIRMED, EnumSet.of(REOPENED));

    /** Statuses in which the ticket is still being worked and its SLA clocks may run. */
    public static final Set<TicketStatus> OPEN_STATUSES = EnumSet.of(NEW, OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, REOPENED);

    public Set<TicketStatus> allowedNext() {
        return ALLOWED.get(this);
    }

    public boolean canMoveTo(TicketStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isOpen() {
        return OPEN_STATUSES.contains(this);
    }
}
