package dev.vocloop.gateway.routing;

/** Who answers a route: one of the services, or the gateway itself. */
public enum Backend {
    FEEDBACK,
    TICKET,
    SURVEY,
    /** Served by the gateway's own REST resources (API keys). */
    GATEWAY
}
