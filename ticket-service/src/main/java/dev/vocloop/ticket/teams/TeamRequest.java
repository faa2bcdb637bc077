package dev.vocloop.ticket.teams;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A team as clients create or replace it; without a calendar, Monday to Friday 09:00-18:00 applies. */
public record TeamRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "lowercase letters, digits and dashes") String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) List<@NotBlank @Size(max = 200) String> members,
        @Size(max = 200) String lead,
        @Valid BusinessCalendar calendar,
        Long version) {
}
