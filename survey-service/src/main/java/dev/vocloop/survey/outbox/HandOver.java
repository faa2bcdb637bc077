package dev.vocloop.survey.outbox;

/**
 * The kinds of hand-over survey-service sends (CONTRACT.md), each with its receiver and path.
 */
public enum HandOver {
    /** survey → ticket: the customer's answer to a follow-up, or its expiry. */
    TICKET_FOLLOW_UP_OUTCOME("ticket-service", "/internal/tickets/%s/follow-up-outcome"),
    /** survey → feedback: the loop of the ticket's feedback is closed, reopened or closed unconfirmed. */
    FEEDBACK_LOOP_OUTCOME("feedback-service", "/internal/feedback/loop-outcome"),
    /** survey → feedback: a survey answer that is worth acting on becomes feedback of channel SURVEY. */
    FEEDBACK_SURVEY_RESPONSE("feedback-service", "/internal/feedback");

    private final String receiver;
    private final String pathTemplate;

    HandOver(String receiver, String pathTemplate) {
        this.receiver = receiver;
        this.pathTemplate = pathTemplate;
    }

    public String receiver() {
        return receiver;
    }

    public String path(String targetId) {
        return pathTemplate.contains("%s") ? pathTemplate.formatted(targetId) : pathTemplate;
    }
}
