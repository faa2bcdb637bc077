package dev.vocloop.ticket.access;

import dev.vocloop.commons.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who calls, from the identity headers that only the gateway sets (CONTRACT.md). Agents see the
 * tickets of their own teams only; a call without headers comes from inside the platform (another
 * service or the gateway acting for an admin) and is trusted with full access.
 */
@RequestScoped
public class Caller {

    private final String subject;
    private final String role;
    private final Set<String> teams;

    public Caller(HttpServerRequest headers) {
        this.subject = headers.getHeader("X-Vocloop-Subject");
        this.role = headers.getHeader("X-Vocloop-Role");
        String teamHeader = headers.getHeader("X-Vocloop-Teams");
        this.teams = teamHeader == null ? Set.of()
                : Arrays.stream(teamHeader.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** True when the caller is an agent limited to some teams. */
    public boolean scoped() {
        return "AGENT".equalsIgnoreCase(role);
    }

    public boolean maySee(String team) {
        return !scoped() || teams.contains(team);
    }

    public Set<String> teams() {
        return teams;
    }

    /** The actor recorded in history. */
    public String actor() {
        if (subject != null && !subject.isBlank()) {
            return subject;
        }
        return role == null ? "system" : role.toLowerCase();
    }

    /** Agents may not change teams, rules or policies. */
    public void requireNotAgent() {
        if (scoped()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "agents may not change this resource");
        }
    }
}
