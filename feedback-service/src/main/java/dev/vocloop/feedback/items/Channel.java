package dev.vocloop.feedback.items;

/** Where a feedback item came from. */
public enum Channel {
    IN_APP, EMAIL, SUPPORT_CHAT, SOCIAL, APP_REVIEW, SURVEY;

    /** Channels whose posts the public can read, which makes a bad one more urgent. */
    public boolean isPublic() {
        return this == SOCIAL || this == APP_REVIEW;
    }
}
