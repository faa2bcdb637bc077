package dev.vocloop.gateway.console;

import dev.vocloop.gateway.auth.Role;
import java.util.List;

/**
 * A signed-in console user, kept server-side only; the browser holds nothing but the opaque id.
 *
 * @param id the random session id carried by the cookie
 * @param subject the API key id (or {@code admin} for the bootstrap key)
 * @param role the key's role, which decides the navigation
 * @param teams the agent's teams
 * @param apiKey the key itself, forwarded as a bearer token so the API applies roles and limits
 * @param csrfToken the synchronizer token every state-changing form must carry
 */
public record ConsoleSession(String id, String subject, Role role, List<String> teams, String apiKey, String csrfToken) {

    public ConsoleSession {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    public boolean isAgent() {
        return role == Role.AGENT || role == Role.ADMIN;
    }

    public boolean isProduct() {
        return role == Role.PRODUCT || role == Role.ADMIN;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Where a user of this role starts. */
    public String home() {
        return role == Role.PRODUCT ? "/console/dashboard" : role == Role.ADMIN ? "/console/dashboard" : "/console/queue";
    }

    @Override
    public String toString() {
        // Never print the key or the tokens, e.g. when a session ends up in a log line.
        return "ConsoleSession[subject=" + subject + ", role=" + role + "]";
    }
}
