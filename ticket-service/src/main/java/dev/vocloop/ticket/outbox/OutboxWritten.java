package dev.vocloop.ticket.outbox;

/** Fired when a hand-over is written, so the relay starts right after the commit. */
public record OutboxWritten(String id) {
}
