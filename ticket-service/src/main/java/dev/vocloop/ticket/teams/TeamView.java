package dev.vocloop.ticket.teams;

import java.time.Instant;
import java.util.List;

/** A team as the API shows it. */
public record TeamView(String key, String name, List<String> members, String lead, BusinessCalendar calendar, long version,
        Instant createdAt, Instant updatedAt) {

    static TeamView of(Team t) {
        return new TeamView(t.key, t.name, List.copyOf(t.members), t.lead, t.calendar, t.version, t.createdAt, t.updatedAt);
    }
}
