package dev.vocloop.gateway.auth;

import java.util.List;

/**
 * Who is calling, as the services learn it from the internal token the gateway signs.
 *
 * @param subject the API key id, {@code admin} for the bootstrap key, or {@code token} for a customer
 *     who holds only a survey or follow-up token
 * @param role the role of the key; {@code null} for a token holder
 * @param teams the teams an agent works; empty for other roles
 */
public record Caller(String subject, Role role, List<String> teams) {

    /** Subject of the bootstrap admin key from {@code VOCLOOP_ADMIN_KEY}. */
    public static final String BOOTSTRAP_ADMIN = "admin";

    /** A customer without a key, whose survey or follow-up token is the credential. */
    public static final Caller TOKEN_HOLDER = new Caller("token", null, List.of());

    public Caller {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /** Whether the caller authenticated with an API key (and so has a per-key rate limit). */
    public boolean hasKey() {
        return role != null;
    }
}
