package dev.vocloop.survey.mail;

/** Fired inside the transaction that records a mail as sent, so the owner of the mail can note it. */
public record MailDelivered(String mailId, String followUpId, String invitationId) {
}
