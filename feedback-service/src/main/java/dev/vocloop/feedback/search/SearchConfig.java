package dev.vocloop.feedback.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How items stored before {@code searchGrams} existed get their grams. */
@ConfigMapping(prefix = "feedback.search")
public interface SearchConfig {

    /**
     * How often the backfill looks for items without grams; it also runs right after start (also set as
     * feedback.search.backfill-interval for the scheduler). Finding none is one look-up in the search_grams index.
     */
    @WithDefault("10m")
    Duration backfillInterval();

    /** Items read and updated per round trip of the backfill. */
    @WithDefault("500")
    int backfillBatchSize();
}
