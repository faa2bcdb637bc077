package dev.vocloop.survey.outbox;

/** Fired when hand-overs were written; observed after commit to deliver them at once. */
public record OutboxWritten(String id) {
}
