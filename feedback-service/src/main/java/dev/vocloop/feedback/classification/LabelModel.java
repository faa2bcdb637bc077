package dev.vocloop.feedback.classification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * One label set (intent, topic or sentiment) learned by Apache OpenNLP's document categoriser over
 * {@link Features} tokens. Prediction calls the immutable maxent / naive Bayes model directly, so one
 * instance serves all request threads.
 */
final class LabelModel {

    private static final BagOfWordsFeatureGenerator BAG = new BagOfWordsFeatureGenerator();

    private final DoccatModel model;
    private final MaxentModel maxent;

    private LabelModel(DoccatModel model) {
        this.model = model;
        this.maxent = model.getMaxentModel();
    }

    /** Trains on (label, tokens) samples; null when fewer than two labels occur. */
    static LabelModel train(List<DocumentSample> samples, String algorithm, int iterations, int cutoff) {
        if (samples.stream().map(DocumentSample::getCategory).distinct().count() < 2) {
            return null;
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        try {
            DoccatModel model = DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {BAG}));
            return new LabelModel(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LabelModel read(byte[] bytes) {
        try {
            return new LabelModel(new DoccatModel(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serialize(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model context of a text's tokens; computed once and shared by the three models. */
    static String[] context(String[] tokens) {
        Collection<String> features = BAG.extractFeatures(tokens, Map.of());
        return features.toArray(String[]::new);
    }

    /** Probability of each label, given {@link #context(String[])}. */
    Map<String, Double> probabilities(String[] context) {
        double[] p = maxent.eval(context);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            out.put(maxent.getOutcome(i), p[i]);
        }
        return out;
    }
}
