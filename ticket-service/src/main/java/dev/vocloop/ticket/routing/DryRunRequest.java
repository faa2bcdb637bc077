package dev.vocloop.ticket.routing;

import jakarta.validation.constraints.Size;

/** A sample ticket to route without creating anything. */
public record DryRunRequest(@Size(max = 32) String intent, @Size(max = 64) String topic, @Size(max = 32) String channel,
        @Size(max = 16) String language, String priority, @Size(max = 200) String product, @Size(max = 50) String tier,
        @Size(max = 50) String lifecycleStage, @Size(max = 100_000) String text) {
}
