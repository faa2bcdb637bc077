package dev.vocloop.ticket.sla;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * SLA targets of one priority, as ISO-8601 durations ({@code PT4H}, {@code P3D}). Under business
 * hours a day is one working window of the owning team.
 */
public record SlaPolicyRequest(@NotBlank String priority, @NotBlank String firstResponse, @NotBlank String resolution,
        @NotNull Boolean businessHours, Long version) {
}
