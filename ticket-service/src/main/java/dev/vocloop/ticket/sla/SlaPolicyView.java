package dev.vocloop.ticket.sla;

import java.time.Instant;

/** An SLA policy as the API shows it. */
public record SlaPolicyView(String priority, String firstResponse, String resolution, boolean businessHours, long version,
        Instant updatedAt) {

    static SlaPolicyView of(SlaPolicy p) {
        return new SlaPolicyView(p.priority, p.firstResponse, p.resolution, p.businessHours, p.version, p.updatedAt);
    }
}
