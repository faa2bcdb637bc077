package dev.vocloop.ticket.sla;

import dev.vocloop.commons.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * SLA policies, one per priority. A change applies to tickets opened or re-prioritised after it;
 * running clocks keep the deadlines they were given.
 */
@ApplicationScoped
public class SlaPolicyService {

    private static final Duration MAX_TARGET = Duration.ofDays(365);

    private final EntityManager em;

    public SlaPolicyService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<SlaPolicyView> list() {
        return SlaPolicy.<SlaPolicy>listAll(Sort.by("priority")).stream().map(SlaPolicyView::of).toList();
    }

    @Transactional
    public SlaPolicyView get(String priority) {
        return SlaPolicyView.of(find(Priority.parse("priority", priority).name()));
    }

    @Transactional
    public SlaPolicyView create(SlaPolicyRequest in) {
        Priority p = Priority.parse("priority", in.priority());
        if (SlaPolicy.findById(p.name()) != null) {
            throw ProblemException.conflict("a policy for " + p + " exists; replace it with PUT");
        }
        SlaPolicy policy = new SlaPolicy();
        policy.priority = p.name();
        apply(policy, in);
        policy.persist();
        em.flush();
        return SlaPolicyView.of(policy);
    }

    @Transactional
    public SlaPolicyView replace(String priority, SlaPolicyRequest in) {
        Priority p = Priority.parse("priority", priority);
        if (!p.name().equalsIgnoreCase(in.priority().trim())) {
            throw ProblemException.invalidField("priority", "does not match the path");
        }
        SlaPolicy policy = find(p.name());
        if (in.version() != null && in.version() != policy.version) {
            throw ProblemException.conflict("the policy was changed meanwhile (version " + policy.version + ")");
        }
        apply(policy, in);
        em.flush();
        return SlaPolicyView.of(policy);
    }

    @Transactional
    public void delete(String priority) {
        SlaPolicy policy = find(Priority.parse("priority", priority).name());
        long tickets = em.createQuery("select count(t) from Ticket t where t.priority = :p", Long.class)
                .setParameter("p", Priority.valueOf(policy.priority)).getSingleResult();
        if (tickets > 0) {
            // every ticket's priority needs a policy to compute deadlines after a reopen or a change
            throw ProblemException.conflict("tickets of priority " + policy.priority + " exist; replace the policy instead");
        }
        policy.delete();
    }

    private static void apply(SlaPolicy policy, SlaPolicyRequest in) {
        // kept as written: "P3D" reads as three business days, which its normalised "PT72H" would hide
        target("firstResponse", in.firstResponse());
        target("resolution", in.resolution());
        policy.firstResponse = in.firstResponse().trim().toUpperCase(java.util.Locale.ROOT);
        policy.resolution = in.resolution().trim().toUpperCase(java.util.Locale.ROOT);
        policy.businessHours = in.businessHours();
        policy.updatedAt = Instant.now();
    }

    static Duration target(String field, String value) {
        Duration d;
        try {
            d = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 duration such as PT4H or P3D");
        }
        if (d.isZero() || d.isNegative()) {
            throw ProblemException.invalidField(field, "must be greater than zero");
        }
        if (d.compareTo(MAX_TARGET) > 0) {
            throw ProblemException.invalidField(field, "must be at most 365 days");
        }
        return d;
    }

    private static SlaPolicy find(String priority) {
        SlaPolicy p = SlaPolicy.findById(priority);
        if (p == null) {
            throw ProblemException.notFound("no SLA policy for " + priority);
        }
        return p;
    }
}
