package dev.vocloop.ticket.routing;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The new order of all rules, by id, first match first. */
public record ReorderRequest(@NotNull List<@NotNull String> ids) {
}
