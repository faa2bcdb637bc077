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

    /**
     * OpenNLP trainer of the topic and sentiment models: MAXENT_QN (logistic regression by L-BFGS, measured best), MAXENT (GIS, which
     * underfits in 100 iterations) or NAIVEBAYES.
     */
    @WithDefault("MAXENT_QN")
    String algorithm();

    /**
     * OpenNLP trainer of the intent model. Naive Bayes measured better for intent on app reviews
     * (BUG F1 0.62 vs 0.52) while L-BFGS maxent is better for sentiment (zh 0.90 vs 0.82).
     */
    @WithDefault("NAIVEBAYES")
    String intentAlgorithm();

    /** Training iterations of the maxent trainer. */
    @WithDefault("100")
    int iterations();

    /** A token must occur this often in the examples to become a feature. */
    @WithDefault("2")
    int cutoff();

    /** Share of the learned model in a label (the rest comes from the lexicon), once examples beyond the seeds exist. */
    @WithDefault("0.85")
    double modelWeight();

    /** Share of the model's vote with only the built-in seed examples (cold start). */
    @WithDefault("0.35")
    double seedModelWeight();

    /** Every n-th user example (by a stable hash of its text) is held back to measure a trained model. */
    @WithDefault("10")
    int holdOutEvery();

    /** After a correction, wait this long for more before retraining in the background. */
    @WithDefault("30s")
    java.time.Duration retrainDelay();

    /** How often a replica checks MongoDB for a model another replica trained (also read by the scheduler). */
    @WithDefault("30s")
    java.time.Duration refreshInterval();
}
