package dev.vocloop.feedback.items;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Counts of items by one dimension per period, for dashboards.
 *
 * @param buckets one per period that has items, oldest first; {@code period} is the first day of the period (UTC)
 */
public record FeedbackStats(String dimension, String interval, Instant from, Instant to, long total,
                            Map<String, Long> totals, List<Bucket> buckets) {

    /** The counts of one period. */
    public record Bucket(String period, long total, Map<String, Long> counts) {
    }
}
