package dev.vocloop.ticket.routing;

/** The facts of a feedback item or manual ticket that routing rules look at. */
public record RoutingInput(String intent, String topic, String channel, String language, String priority,
        String product, String tier, String lifecycleStage, String text) {
}
