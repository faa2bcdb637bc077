package dev.vocloop.survey.followup;

import dev.vocloop.survey.contact.CustomerRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /internal/follow-ups} from ticket-service (CONTRACT.md). */
public record CreateFollowUpRequest(
        @NotBlank @Size(max = 200) String ticketId,
        @NotNull @Min(1) Integer resolutionCount,
        @Size(max = 1000) List<@NotBlank @Size(max = 200) String> feedbackIds,
        @NotNull @Valid CustomerRef customer,
        @NotBlank @Size(max = 10000) String resolution,
        @Pattern(regexp = "EMAIL|IN_APP", message = "must be EMAIL or IN_APP") String channel) {
}
