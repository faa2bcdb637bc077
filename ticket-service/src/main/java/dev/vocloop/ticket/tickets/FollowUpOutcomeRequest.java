package dev.vocloop.ticket.tickets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** survey-service's report of what the customer said about a resolution. */
public record FollowUpOutcomeRequest(
        @NotBlank @Size(max = 100) String followUpId,
        @NotNull Outcome outcome,
        @Min(1) @Max(5) Integer rating,
        @Size(max = 20_000) String comment,
        Instant at) {

    public enum Outcome { SOLVED, NOT_SOLVED, EXPIRED }
}
