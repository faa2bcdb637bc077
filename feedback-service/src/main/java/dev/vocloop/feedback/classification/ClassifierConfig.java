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
     * Inverse regularisation strength (LIBLINEAR's C) of the topic and sentiment logistic regressions:
     * larger fits the examples more closely.
     */
    @WithDefault("16")
    double cost();

    /** The same for the intent model. */
    @WithDefault("4")
    double intentCost();

    /**
     * Class weight of a label = (count of the most frequent label / its count) ^ this power: 0 weighs
     * every example alike, 1 balances the labels fully.
     */
    @WithDefault("1")
    double classWeightPower();

    /**
     * Tune offsets of the BUG and FEATURE_REQUEST decisions (for their F1) by cross-validation over the
     * examples people gave, once there are at least 200 (before that, over the built-in seeds as well). The
     * cold-start model, before anyone gave an example, has none.
     */
    @WithDefault("true")
    boolean tuneOffsets();

    /**
     * Scale the sentiment model's features by their naive-Bayes log-count ratio (NBSVM). Measured on
     * ChnSentiCorp dev after training on its train split: 0.913 plain, 0.932 scaled. Only once people gave
     * examples: the seed model stays plain (measured better at cold start). Intent and topic stay
     * unscaled: for intent it measured no better (5-fold cross-validation on app reviews).
     */
    @WithDefault("true")
    boolean sentimentNbScaling();

    /**
     * Share of a multinomial naive Bayes model in the intent model's probabilities (the rest is the logistic
     * regression; 0 = none), once people gave examples: the cold-start model is the regression alone. App reviews, 5-fold cross-validation 3 times, mean F1 of BUG and
     * FEATURE_REQUEST: 0.457 without, 0.481 with 0.5 (both with the offsets tuned as now).
     */
    @WithDefault("0.5")
    double intentNaiveBayes();

    /** A feature must occur in this many examples to be learned. */
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
