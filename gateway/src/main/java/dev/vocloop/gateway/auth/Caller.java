package dev.vocloop.gateway.auth;

import java.util.List;

/**
 * Who is calling, as the services learn it from the internal token the gateway signs.
 *
 * @param subject the API key id, {@code admin} for the bootstrap key, or {@code token} for a customer
 *     who holds only a survey or follow-up token
 * @param role the role of the key; {@code null} for a token holder
 * @param teams the teams an agent works; empty for other roles
 * @param customer for a CUSTOMER_APP key, the customer id it proved with a valid identity signature;
 *     {@code null} when it proved none
 * @param identityRequired whether the CUSTOMER_APP key may act only for its proved customer
 */
public record Caller(String subject, Role role, List<String> teams, String customer, boolean identityRequired) {

    /** Subject of the bootstrap admin key from {@code VOCLOOP_ADMIN_KEY}. */
    public static final String BOOTSTRAP_ADMIN = "admin";

    /** A customer without a key, whose survey or follow-up token is the credential. */
    public static final Caller TOKEN_HOLDER = new Caller("token", null, List.of());

    public Caller {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /** A caller that proved no customer. */
    public Caller(String subject, Role role, List<String> teams) {
        this(subject, role, teams, null, false);
    }

    /** Whether the caller authenticated with an API key (and so has a per-key rate limit). */
    public boolean hasKey() {
        return role != null;
    }
}
