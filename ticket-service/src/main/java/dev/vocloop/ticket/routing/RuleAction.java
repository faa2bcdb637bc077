package dev.vocloop.ticket.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * What a matching rule does.
 *
 * @param team          the owning team's key
 * @param tags          tags added to the ticket
 * @param raisePriority levels to raise the priority by (0 to 3)
 */
// stored in a JSON column too: fields written by a newer version must not break reading
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleAction(@NotBlank String team, List<String> tags, @Min(0) @Max(3) Integer raisePriority) {

    public int raiseBy() {
        return raisePriority == null ? 0 : raisePriority;
    }
}
