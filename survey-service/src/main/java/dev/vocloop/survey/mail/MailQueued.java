package dev.vocloop.survey.mail;

/** Fired when mail was queued; observed after commit to send it at once instead of at the next sweep. */
public record MailQueued(String mailId) {
}
