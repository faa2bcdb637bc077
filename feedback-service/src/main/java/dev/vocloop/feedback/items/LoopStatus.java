package dev.vocloop.feedback.items;

/** Where an item stands in the closed loop (CONTRACT.md, Feedback loopStatus). */
public enum LoopStatus {
    NOT_ACTIONABLE, PENDING, TICKET_OPEN, CLOSED, REOPENED, CLOSED_UNCONFIRMED
}
