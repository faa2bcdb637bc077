package dev.vocloop.ticket.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A routing rule as clients create or replace it.
 *
 * @param position where to insert it (0 = first); absent means last
 */
public record RuleRequest(@NotBlank @Size(max = 200) String name, Boolean enabled, @NotNull @Valid RuleConditions conditions,
        @NotNull @Valid RuleAction action, @Min(0) Integer position, Long version) {
}
