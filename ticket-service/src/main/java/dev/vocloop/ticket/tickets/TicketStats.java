package dev.vocloop.ticket.tickets;

import java.time.Instant;
import java.util.Map;

/**
 * Loop metrics of tickets created in {@code [from, to)}; open counts are as of now. Rates are
 * fractions in [0, 1] or {@code null} when nothing could be measured; times are seconds.
 */
public record TicketStats(String team, Instant from, Instant to, Map<String, Long> openByStatus,
        Map<String, Long> openByPriority, long created, long resolved, Double slaBreachRate, Double firstResponseMedianSeconds,
        Double firstResponseP90Seconds, Double resolutionMedianSeconds, Double resolutionP90Seconds, Double reopenRate,
        Double closedLoopRate) {
}
