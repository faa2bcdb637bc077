package dev.vocloop.survey.followup;

/** Answer of {@code POST /internal/follow-ups} (CONTRACT.md). */
public record FollowUpCreated(String id, String status, String channel) {
}
