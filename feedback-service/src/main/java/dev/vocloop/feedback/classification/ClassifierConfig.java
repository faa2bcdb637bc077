package dev.vocloop.feedback.classification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Settings of the classifier. */
@ConfigMapping(prefix = "feedback.classifier")
public interface ClassifierConfig {

    /** Topics an item may get; anything else becomes OTHER. */
    @WithDefault("ACCOUNT,BILLING,PERFORMANCE,USABILITY,DELIVERY,SUPPORT,PRIVACY,OTHER")
    List<String> topics();

    /** Below this intent confidence an item is flagged for human triage. */
    @WithDefault("0.5")
    double triageIntentConfidence();

    /** Below this topic confidence an item is flagged for human triage. */
    @WithDefault("0.3")
    double triageTopicConfidence();
}
