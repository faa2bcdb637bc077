package dev.vocloop.ticket.sla;

import java.time.Duration;

/**
 * One SLA target: a duration, counted around the clock or in business hours (where one day is
 * one working window of the team).
 */
public record SlaTarget(Duration duration, boolean businessHours) {
}
