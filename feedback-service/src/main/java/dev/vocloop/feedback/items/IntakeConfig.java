package dev.vocloop.feedback.items;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of what the service accepts. */
@ConfigMapping(prefix = "feedback.intake")
public interface IntakeConfig {

    /** Longest accepted feedback text, in characters. */
    @WithDefault("10000")
    int maxTextLength();

    /** Largest body of a single-item request, in bytes (a batch may be larger). */
    @WithDefault("65536")
    int maxItemBodyBytes();

    /** Largest batch request body, in bytes. */
    @WithDefault("10485760")
    long maxBatchBodyBytes();

    /** Most items in one batch request. */
    @WithDefault("10000")
    int maxBatchItems();
}
