package dev.vocloop.gateway.console;

import dev.vocloop.gateway.console.Views.TicketRow;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.StringJoiner;

/**
 * The agent's filters over a team queue: status, priority, SLA (at risk, breached, or either) and
 * assignment (mine, unassigned). ticket-service's queue endpoint takes no filters, so they apply
 * here to the queue it returns, which already holds only open tickets in priority order; with a
 * filter on, the page asks for the queue's maximum length so that nothing matching is cut off.
 */
@TemplateData
public record QueueFilter(String status, String priority, String sla, String assignee) {

    static final List<String> STATUSES = List.of("NEW", "OPEN", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "REOPENED");
    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    static final List<String> SLAS = List.of("late", "risk", "breached");
    static final List<String> ASSIGNEES = List.of("me", "none");
    /** ticket-service's largest queue page. */
    static final int MAX_QUEUE = 500;

    /** Unknown values are dropped (a filter the form never offers cannot narrow anything). */
    static QueueFilter of(String status, String priority, String sla, String assignee) {
        return new QueueFilter(oneOf(status, STATUSES), oneOf(priority, PRIORITIES), oneOf(sla, SLAS), oneOf(assignee, ASSIGNEES));
    }

    public boolean active() {
        return !status.isEmpty() || !priority.isEmpty() || !sla.isEmpty() || !assignee.isEmpty();
    }

    List<TicketRow> apply(List<TicketRow> rows, String me) {
        if (!active()) {
            return rows;
        }
        return rows.stream().filter(r -> matches(r, me)).toList();
    }

    private boolean matches(TicketRow r, String me) {
        if (!status.isEmpty() && !status.equals(r.status())) {
            return false;
        }
        if (!priority.isEmpty() && !priority.equals(r.priority())) {
            return false;
        }
        boolean slaOk = switch (sla) {
            case "late" -> "risk".equals(r.slaClass()) || "breached".equals(r.slaClass());
            case "risk", "breached" -> sla.equals(r.slaClass());
            default -> true;
        };
        if (!slaOk) {
            return false;
        }
        return switch (assignee) {
            case "me" -> me.equals(r.assignee());
            case "none" -> r.assignee().isEmpty();
            default -> true;
        };
    }

    /** The filter form's choices in the user's language, with the current ones selected. */
    java.util.Map<String, List<ExplorerViews.Option>> options(java.util.Map<String, String> m) {
        return java.util.Map.of("statuses", ExplorerViews.options(STATUSES, "status_", status, m),
                "priorities", ExplorerViews.options(PRIORITIES, "", priority, m),
                "slas", ExplorerViews.options(SLAS, "queue_sla_", sla, m),
                "assignees", ExplorerViews.options(ASSIGNEES, "queue_assignee_", assignee, m));
    }

    /** The filters as "&status=…" for the page's links and its htmx refresh. */
    public String query() {
        StringJoiner j = new StringJoiner("");
        add(j, "status", status);
        add(j, "priority", priority);
        add(j, "sla", sla);
        add(j, "assignee", assignee);
        return j.toString();
    }

    private static void add(StringJoiner j, String name, String value) {
        if (!value.isEmpty()) {
            j.add("&" + name + "=" + Web.enc(value));
        }
    }

    private static String oneOf(String value, List<String> allowed) {
        return value != null && allowed.contains(value.strip()) ? value.strip() : "";
    }
}
