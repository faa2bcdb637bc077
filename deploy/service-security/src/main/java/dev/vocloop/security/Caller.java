package dev.vocloop.security;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls this request, from the verified internal JWT (CONTRACT.md, Internal tokens). The
 * role checks themselves are {@code @RolesAllowed} on the resources; this bean answers the finer
 * questions a service asks: which teams an agent may see, who to record as the actor.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    /** The key id, {@code admin} for the bootstrap key, a service name, or {@code token} for a link holder. */
    public String subject() {
        String subject = jwt.getSubject();
        return subject == null ? "anonymous" : subject;
    }

    public String role() {
        Set<String> groups = jwt.getGroups();
        return groups == null || groups.isEmpty() ? null : groups.iterator().next();
    }

    public boolean hasRole(String role) {
        Set<String> groups = jwt.getGroups();
        return groups != null && groups.contains(role);
    }

    /** True when the caller is an agent limited to some teams. */
    public boolean scoped() {
        return hasRole(Roles.AGENT);
    }

    public Set<String> teams() {
        Object claim = jwt.getClaim(Roles.TEAMS_CLAIM);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::unquote).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    /**
     * The customer a CUSTOMER_APP caller proved it acts for, with the identity signature the gateway
     * checked (gateway README, Identity verification); empty when it proved none.
     */
    public Optional<String> verifiedCustomer() {
        Object claim = jwt.getClaim(Roles.CUSTOMER_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(unquote(claim)).filter(s -> !s.isEmpty());
    }

    /** True when the caller's key may act only for its verified customer. */
    public boolean identityRequired() {
        Object claim = jwt.getClaim(Roles.IDENTITY_REQUIRED_CLAIM);
        // A Boolean or JSON-P's TRUE, depending on how the token was parsed; both print as true.
        return claim != null && "true".equals(String.valueOf(claim));
    }

    /**
     * Refuses a customer app acting for another customer than the one it proved (403), when its key
     * requires identity verification or it proved a customer: {@code customerId} null means the
     * request names no customer, which is allowed (anonymous). Other roles pass.
     */
    public void requireActsFor(String customerId) {
        if (!hasRole(Roles.CUSTOMER_APP) || customerId == null) {
            return;
        }
        Optional<String> verified = verifiedCustomer();
        if (verified.isPresent() ? !verified.get().equals(customerId) : identityRequired()) {
            throw new ProblemException(403, "customer-mismatch", "Forbidden", verified.isPresent()
                    ? "this API key may act only for the customer it proved with X-Vocloop-Customer-Signature"
                    : "this API key must prove its customer with X-Vocloop-Customer and X-Vocloop-Customer-Signature");
        }
    }

    public boolean maySee(String team) {
        return !scoped() || teams().contains(team);
    }

    /** Agents and admins may see the unmasked text and the customer's contact data. */
    public boolean maySeeOriginal() {
        return hasRole(Roles.ADMIN) || hasRole(Roles.AGENT);
    }

    /** The actor recorded in history. */
    public String actor() {
        return subject();
    }

    /** Agents may not change teams, rules or policies. */
    public void requireNotAgent() {
        if (scoped()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "agents may not change this resource");
        }
    }

    private static String unquote(Object value) {
        // JSON-P string values print with their quotes.
        String s = value instanceof jakarta.json.JsonString js ? js.getString() : String.valueOf(value);
        return s.trim();
    }
}
