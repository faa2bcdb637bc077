package dev.vocloop.survey.followup;

import java.util.List;

/** A list of follow-ups. */
public record FollowUpList(List<FollowUpView> items, String nextCursor) {
}
