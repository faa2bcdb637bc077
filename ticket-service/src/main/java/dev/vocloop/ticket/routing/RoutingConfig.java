package dev.vocloop.ticket.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Routing settings. */
@ConfigMapping(prefix = "ticket.routing")
public interface RoutingConfig {

    /** The team that takes every ticket no rule matches; it must exist (the schema seeds {@code support}). */
    @WithDefault("support")
    String defaultTeam();
}
