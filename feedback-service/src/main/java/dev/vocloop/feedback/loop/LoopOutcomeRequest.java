package dev.vocloop.feedback.loop;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** survey-service's word on how the loop of a ticket ended (CONTRACT.md, loop-outcome). */
public record LoopOutcomeRequest(
        @NotEmpty @Size(max = 1000) List<@NotBlank String> feedbackIds,
        @Size(max = 100) String ticketId,
        @NotNull @Pattern(regexp = "CLOSED|REOPENED|CLOSED_UNCONFIRMED", message = "must be CLOSED, REOPENED or CLOSED_UNCONFIRMED")
        String outcome,
        @Min(1) @Max(5) Integer rating,
        Instant at) {
}
