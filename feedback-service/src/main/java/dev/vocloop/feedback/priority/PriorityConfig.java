package dev.vocloop.feedback.priority;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Weights of the priority score; each reason adds its weight (or a share of it) to the score. */
@ConfigMapping(prefix = "feedback.priority")
public interface PriorityConfig {

    /** Points every item starts with. */
    @WithDefault("10")
    int base();

    /** Points for intent BUG. */
    @WithDefault("30")
    int intentBug();

    /** Points for intent COMPLAINT. */
    @WithDefault("25")
    int intentComplaint();

    /** Points for intent QUESTION. */
    @WithDefault("12")
    int intentQuestion();

    /** Points for intent FEATURE_REQUEST. */
    @WithDefault("5")
    int intentFeatureRequest();

    /** Points for a fully negative sentiment (score -1); scaled by the sentiment score. */
    @WithDefault("15")
    int negativeSentiment();

    /** Points for a 1-2 star rating. */
    @WithDefault("8")
    int lowRating();

    /** Points for a high-value customer tier (see {@link #highValueTiers()}) or lifecycle stage high-value. */
    @WithDefault("15")
    int highValueCustomer();

    /** Points for a new or growing customer, whose first impressions decide whether they stay. */
    @WithDefault("6")
    int newCustomer();

    /** Points (usually negative) for a dormant customer. */
    @WithDefault("-5")
    int dormantCustomer();

    /** Customer tiers that count as high value. */
    @WithDefault("gold,platinum,enterprise,vip")
    List<String> highValueTiers();

    /** Points for an NPS detractor or an unhappy CSAT answer. */
    @WithDefault("15")
    int npsDetractor();

    /** Points for a public channel (social post, app-store review). */
    @WithDefault("10")
    int publicChannel();

    /** Points for an urgency phrase ("can't log in", "重复扣款"). */
    @WithDefault("20")
    int urgentPhrase();

    /**
     * Points per similar item in the last 24 hours: same intent and topic, and a text whose terms overlap
     * at least {@link #similarThreshold()} (estimated Jaccard similarity, see TextSignature).
     */
    @WithDefault("2")
    int perSimilarItem();

    /** At most this many points from similar items. */
    @WithDefault("15")
    int maxSimilarItems();

    /** Estimated Jaccard similarity of two texts' terms from which they count as similar. */
    @WithDefault("0.3")
    double similarThreshold();

    /** At most this many items of the same intent and topic are compared with a new one (bounds the cost of a burst). */
    @WithDefault("200")
    int similarCandidates();
}
