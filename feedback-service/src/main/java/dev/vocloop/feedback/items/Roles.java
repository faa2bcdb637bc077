package dev.vocloop.feedback.items;

/** The identity headers the gateway sets (CONTRACT.md, Identity headers). */
public final class Roles {

    public static final String ROLE_HEADER = "X-Vocloop-Role";

    private Roles() {
    }

    /** Agents and admins may see the unmasked text and the customer's contact data. */
    public static boolean maySeeOriginal(String role) {
        return "ADMIN".equals(role) || "AGENT".equals(role);
    }
}
