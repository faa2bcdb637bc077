package dev.vocloop.feedback.classification;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One label set (intent, topic or sentiment) learned as one-vs-rest L2-regularised logistic
 * regressions by LIBLINEAR over {@link Features} (binary features, each text's vector scaled to unit
 * length). Optionally each feature is first scaled, per label, by its naive-Bayes log-count ratio
 * (NBSVM, Wang and Manning 2012: "Baselines and Bigrams"), which lets a few strongly polar
 * n-grams count for more than many neutral ones; for Chinese sentiment it measured 0.913 → 0.932. Optionally
 * a multinomial naive Bayes model over the same features is averaged in (intent). Rare labels get a larger
 * class weight, and per-label offsets on the log-probabilities are tuned by cross-validation over the
 * examples people gave, for the decision the classifier makes after mixing in the lexicon, so that BUG or
 * FEATURE_REQUEST is not drowned by the many reviews that are neither. Prediction is a sparse dot product over the
 * immutable weights, so one instance serves all request threads.
 */
final class LabelModel {

    /**
     * A text's features and its label; for tuning, optionally what the lexicon says about it (the
     * distribution {@link Classifier} mixes with the model's) and whether it is a built-in seed line.
     */
    record Sample(String label, String[] features, Map<String, Double> lexical, boolean seed) {
        Sample(String label, String[] features) {
            this(label, features, null, false);
        }
    }

    /**
     * How a label set is trained. {@code naiveBayes}: the share of a multinomial naive Bayes model in the
     * probabilities (0 = logistic regression alone). {@code modelShare}: the share the classifier gives the
     * model against the lexicon, so that offsets are tuned for the decision actually made.
     */
    record Settings(double cost, int cutoff, double classWeightPower, boolean tuneOffsets, boolean nbScaling,
                    double naiveBayes, double modelShare, Set<String> tuned) {
        Settings(double cost, int cutoff, double classWeightPower, boolean tuneOffsets, boolean nbScaling) {
            this(cost, cutoff, classWeightPower, tuneOffsets, nbScaling, 0, 1, Set.of());
        }
    }

    /**
     * 1: binary features; 2: adds the squared per-label scales of an NB-scaled model; 3: offsets act on the
     * log-probability of the (ensemble's) distribution, and an optional naive Bayes part.
     */
    private static final int FORMAT = 3;
    /** Additive smoothing of the naive Bayes feature counts. */
    private static final double NB_SMOOTHING = 0.5;
    /** Folds of the cross-validation that tunes the offsets. */
    private static final int TUNING_FOLDS = 5;
    /** Additive smoothing of the feature counts behind the log-count ratios. */
    private static final double NB_ALPHA = 1;
    /** Texts beyond this many examples per label add little to tuning the offsets. */
    private static final int MIN_TUNING_SAMPLES = 200;

    static {
        Linear.setDebugOutput(null);
    }

    private final String[] labels;
    private final Map<String, Integer> index;
    /** Row-major: the weights of feature i are at [i * labels.length, (i + 1) * labels.length). */
    private final float[] weights;
    private final double[] bias;
    private final double[] offsets;
    /** Naive Bayes part (else null), laid out like {@link #weights}: log P(feature | label); its log priors. */
    private final float[] nbLog;
    private final double[] nbPrior;
    private final double nbShare;
    /**
     * NB-scaled models only (else null), laid out like {@link #weights}: the square of feature i's scale
     * for each label, from which a text's vector length per label is computed. The weights already
     * include the scale.
     */
    private final float[] squares;

    private LabelModel(String[] labels, Map<String, Integer> index, float[] weights, float[] squares, double[] bias, double[] offsets) {
        this(labels, index, weights, squares, bias, offsets, null, null, 0);
    }

    private LabelModel(String[] labels, Map<String, Integer> index, float[] weights, float[] squares, double[] bias, double[] offsets,
                       float[] nbLog, double[] nbPrior, double nbShare) {
        this.labels = labels;
        this.index = index;
        this.weights = weights;
        this.squares = squares;
        this.bias = bias;
        this.offsets = offsets;
        this.nbLog = nbLog;
        this.nbPrior = nbPrior;
        this.nbShare = nbShare;
    }

    /** Trains on (label, features) samples; null when fewer than two labels occur. */
    static LabelModel train(List<Sample> samples, Settings settings) {
        String[] labels = samples.stream().map(Sample::label).distinct().sorted().toArray(String[]::new);
        if (labels.length < 2) {
            return null;
        }
        double[] offsets = new double[labels.length];
        if (settings.tuneOffsets()) {
            // Offsets are tuned on the examples people gave once there are enough: the seed lines are short and
            // clear, and validating on them made BUG and FEATURE_REQUEST look easier than real reviews are.
            boolean userOnly = samples.stream().filter(s -> !s.seed()).count() >= MIN_TUNING_SAMPLES;
            if (userOnly || samples.size() >= MIN_TUNING_SAMPLES) {
                // Cross-validated: every tuning example is scored by a model that has not seen it. Folds by a hash
                // of the features, not by position: adding one seed line must not reshuffle them.
                List<Sample> validated = new ArrayList<>();
                List<double[]> scores = new ArrayList<>();
                for (int fold = 0; fold < TUNING_FOLDS; fold++) {
                    List<Sample> fit = new ArrayList<>();
                    List<Sample> validate = new ArrayList<>();
                    for (Sample s : samples) {
                        boolean held = Math.floorMod(Arrays.hashCode(s.features()), TUNING_FOLDS) == fold && (!userOnly || !s.seed());
                        (held ? validate : fit).add(s);
                    }
                    LabelModel probe = fit(fit, labels, settings, offsets);
                    if (probe == null) {
                        continue;
                    }
                    for (Sample s : validate) {
                        validated.add(s);
                        scores.add(probe.logProbabilities(s.features()));
                    }
                }
                offsets = tuneOffsets(labels, validated, scores, settings.modelShare(), settings.tuned());
            }
        }
        return fit(samples, labels, settings, offsets);
    }

    private static LabelModel fit(List<Sample> samples, String[] labels, Settings settings, double[] offsets) {
        Map<String, Integer> df = new HashMap<>();
        for (Sample s : samples) {
            for (String f : s.features()) {
                df.merge(f, 1, Integer::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= settings.cutoff()) {
                index.put(e.getKey(), index.size() + 1);
            }
        }
        Map<String, Integer> labelId = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            labelId.put(labels[i], i);
        }
        int[] perLabel = new int[labels.length];
        int[] y = new int[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            y[i] = labelId.get(samples.get(i).label());
            perLabel[y[i]]++;
        }
        if (Arrays.stream(perLabel).filter(n -> n > 0).count() < 2) {
            return null;
        }
        // Rare labels weigh more: (most frequent / this label's count) ^ power; 0 = all equal, 1 = fully balanced.
        int max = Arrays.stream(perLabel).max().orElse(1);
        double[] classWeights = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            classWeights[i] = perLabel[i] == 0 ? 1 : Math.pow((double) max / perLabel[i], settings.classWeightPower());
        }
        int[][] ids = new int[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            ids[i] = ids(samples.get(i).features(), index);
        }
        LabelModel model = settings.nbScaling()
                ? fitScaled(ids, y, perLabel, labels, index, settings, classWeights, offsets)
                : fitBinary(ids, y, labels, index, settings, classWeights, offsets);
        return settings.naiveBayes() > 0 ? model.withNaiveBayes(ids, y, perLabel, settings.naiveBayes()) : model;
    }

    /**
     * Adds a multinomial naive Bayes model over the same binary features (smoothed log P(feature | label) and
     * the labels' frequencies as priors). On few, noisy examples it separates the labels from one another
     * better than the one-vs-rest regressions, which in turn rank each label better: their average beats
     * either (app reviews, 5-fold cross-validation).
     */
    private LabelModel withNaiveBayes(int[][] ids, int[] y, int[] perLabel, double share) {
        int k = labels.length;
        int n = index.size();
        double[] counts = new double[n * k];
        double[] totals = new double[k];
        for (int i = 0; i < ids.length; i++) {
            for (int id : ids[i]) {
                counts[(id - 1) * k + y[i]]++;
                totals[y[i]]++;
            }
        }
        float[] log = new float[n * k];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < k; c++) {
                log[j * k + c] = (float) Math.log((counts[j * k + c] + NB_SMOOTHING) / (totals[c] + NB_SMOOTHING * n));
            }
        }
        double[] prior = new double[k];
        for (int c = 0; c < k; c++) {
            prior[c] = perLabel[c] == 0 ? -30 : Math.log((double) perLabel[c] / ids.length);
        }
        return new LabelModel(labels, index, weights, squares, bias, offsets, log, prior, share);
    }

    /** One multi-class LIBLINEAR run (one-vs-rest inside) on binary features. */
    private static LabelModel fitBinary(int[][] ids, int[] y, String[] labels, Map<String, Integer> index, Settings settings,
                                        double[] classWeights, double[] offsets) {
        Problem problem = problem(ids, index.size());
        int[] classIds = new int[labels.length];
        for (int i = 0; i < ids.length; i++) {
            problem.x[i] = vector(ids[i], null);
            problem.y[i] = y[i];
        }
        for (int i = 0; i < labels.length; i++) {
            classIds[i] = i;
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, settings.cost(), 0.01);
        parameter.setWeights(classWeights, classIds);
        Model model = Linear.train(problem, parameter);
        return fromLiblinear(model, labels, index, offsets);
    }

    /**
     * One binary LIBLINEAR run per label on features scaled by their log-count ratio for that label
     * (as LIBLINEAR's own one-vs-rest: the label's examples weighted by its class weight, the rest by 1).
     * The scale is folded into the stored weights; its square is kept for each text's vector length.
     */
    private static LabelModel fitScaled(int[][] ids, int[] y, int[] perLabel, String[] labels, Map<String, Integer> index,
                                        Settings settings, double[] classWeights, double[] offsets) {
        int k = labels.length;
        int n = index.size();
        float[] weights = new float[n * k];
        float[] squares = new float[n * k];
        double[] bias = new double[k];
        Arrays.fill(bias, -30); // a label absent from the samples is never predicted
        for (int c = 0; c < k; c++) {
            if (perLabel[c] == 0) {
                continue;
            }
            double[] inClass = new double[n + 1];
            double[] rest = new double[n + 1];
            for (int i = 0; i < ids.length; i++) {
                double[] counts = y[i] == c ? inClass : rest;
                for (int id : ids[i]) {
                    counts[id]++;
                }
            }
            double inTotal = Arrays.stream(inClass).sum() + NB_ALPHA * n;
            double restTotal = Arrays.stream(rest).sum() + NB_ALPHA * n;
            double[] scale = new double[n + 1];
            for (int j = 1; j <= n; j++) {
                scale[j] = Math.log(((inClass[j] + NB_ALPHA) / inTotal) / ((rest[j] + NB_ALPHA) / restTotal));
            }
            Problem problem = problem(ids, n);
            for (int i = 0; i < ids.length; i++) {
                problem.x[i] = vector(ids[i], scale);
                problem.y[i] = y[i] == c ? 1 : 0;
            }
            Parameter parameter = new Parameter(SolverType.L2R_LR, settings.cost(), 0.01);
            parameter.setWeights(new double[] {classWeights[c], 1}, new int[] {1, 0});
            Model model = Linear.train(problem, parameter);
            double[] w = model.getFeatureWeights();
            // LIBLINEAR keeps a binary model's vector for its first label, which may be either.
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            for (int j = 1; j <= n; j++) {
                weights[(j - 1) * k + c] = (float) (sign * w[j - 1] * scale[j]);
                squares[(j - 1) * k + c] = (float) (scale[j] * scale[j]);
            }
            bias[c] = sign * w[n];
        }
        return new LabelModel(labels, zeroBased(index), weights, squares, bias, offsets.clone());
    }

    private static Problem problem(int[][] ids, int features) {
        Problem problem = new Problem();
        problem.l = ids.length;
        problem.n = features + 1;
        problem.bias = 1;
        problem.x = new Feature[ids.length][];
        problem.y = new double[ids.length];
        return problem;
    }

    private static LabelModel fromLiblinear(Model model, String[] labels, Map<String, Integer> index, double[] offsets) {
        int k = labels.length;
        int[] modelLabels = model.getLabels();
        double[] w = model.getFeatureWeights();
        int nrW = model.getNrClass() == 2 ? 1 : model.getNrClass();
        int features = model.getNrFeature();
        // Liblinear keeps one vector for two classes (for its first label) and one per class otherwise.
        float[] weights = new float[(index.size()) * k];
        double[] bias = new double[k];
        Arrays.fill(bias, -30); // a label absent from the samples is never predicted
        for (int c = 0; c < model.getNrClass(); c++) {
            int target = modelLabels[c];
            int column = nrW == 1 ? 0 : c;
            double sign = nrW == 1 && c == 1 ? -1 : 1;
            for (int j = 0; j < index.size(); j++) {
                weights[j * k + target] = (float) (sign * w[j * nrW + column]);
            }
            bias[target] = sign * w[features * nrW + column];
        }
        return new LabelModel(labels, zeroBased(index), weights, null, bias, offsets.clone());
    }

    /** LIBLINEAR numbers features from 1; the stored weights are laid out from 0. */
    private static Map<String, Integer> zeroBased(Map<String, Integer> index) {
        Map<String, Integer> zeroBased = new HashMap<>(index.size() * 2);
        index.forEach((f, i) -> zeroBased.put(f, i - 1));
        return zeroBased;
    }

    /** The sorted one-based ids of a text's known features. */
    private static int[] ids(String[] features, Map<String, Integer> index) {
        int[] ids = new int[features.length];
        int n = 0;
        for (String f : features) {
            Integer id = index.get(f);
            if (id != null) {
                ids[n++] = id;
            }
        }
        int[] out = Arrays.copyOf(ids, n);
        Arrays.sort(out);
        return out;
    }

    /** A text's vector of unit length: every feature 1, or its scale when given (indexed by id). */
    private static Feature[] vector(int[] ids, double[] scale) {
        double length = 0;
        for (int id : ids) {
            length += scale == null ? 1 : scale[id] * scale[id];
        }
        double norm = length == 0 ? 0 : 1 / Math.sqrt(length);
        Feature[] x = new Feature[ids.length];
        for (int i = 0; i < ids.length; i++) {
            x[i] = new FeatureNode(ids[i], (scale == null ? 1 : scale[ids[i]]) * norm);
        }
        return x;
    }

    /**
     * Per-label offsets that maximise the macro F1 of the decision on the validated samples: the arg-max of
     * the model's distribution shifted by the offsets, mixed with the lexicon's as {@link Classifier} does.
     */
    private static double[] tuneOffsets(String[] labels, List<Sample> validated, List<double[]> logP, double share,
                                        Set<String> tunedLabels) {
        int k = labels.length;
        boolean[] tuned = new boolean[k];
        for (int c = 0; c < k; c++) {
            tuned[c] = tunedLabels.isEmpty() || tunedLabels.contains(labels[c]);
        }
        Map<String, Integer> labelId = new HashMap<>();
        for (int i = 0; i < k; i++) {
            labelId.put(labels[i], i);
        }
        int n = validated.size();
        int[] gold = new int[n];
        double[][] lexical = new double[n][];
        // A label only the lexicon knows: its share of the mix, which may beat every label of the model.
        double[] outside = new double[n];
        for (int i = 0; i < n; i++) {
            gold[i] = labelId.get(validated.get(i).label());
            Map<String, Double> lex = validated.get(i).lexical();
            if (lex != null && share < 1) {
                lexical[i] = new double[k];
                for (Map.Entry<String, Double> e : lex.entrySet()) {
                    Integer c = labelId.get(e.getKey());
                    if (c == null) {
                        outside[i] = Math.max(outside[i], (1 - share) * e.getValue());
                    } else {
                        lexical[i][c] = (1 - share) * e.getValue();
                    }
                }
            }
        }
        double[][] scores = logP.toArray(double[][]::new);
        double[] offsets = new double[k];
        double best = macroF1(scores, gold, lexical, outside, share, offsets, tuned);
        for (int round = 0; round < 2; round++) {
            for (int c = 0; c < k; c++) {
                if (!tuned[c]) {
                    continue;
                }
                double keep = offsets[c];
                double bestOffset = keep;
                for (double o = -2.0; o <= 2.0001; o += 0.1) {
                    offsets[c] = o;
                    double f = macroF1(scores, gold, lexical, outside, share, offsets, tuned);
                    // Ties go to the smaller shift, which trusts the trained model more.
                    if (f > best + 1e-9 || (Math.abs(f - best) <= 1e-9 && Math.abs(o) < Math.abs(bestOffset))) {
                        best = f;
                        bestOffset = o;
                    }
                }
                offsets[c] = bestOffset;
            }
        }
        return offsets;
    }

    private static double macroF1(double[][] logP, int[] gold, double[][] lexical, double[] outside, double share, double[] offsets,
                                  boolean[] tuned) {
        int k = offsets.length;
        int[] tp = new int[k];
        int[] fp = new int[k];
        int[] fn = new int[k];
        double[] p = new double[k];
        for (int i = 0; i < logP.length; i++) {
            shifted(logP[i], offsets, p);
            int best = 0;
            for (int c = 0; c < k; c++) {
                if (lexical[i] != null) {
                    p[c] = share * p[c] + lexical[i][c];
                }
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            if (lexical[i] != null && outside[i] > p[best]) {
                fn[gold[i]]++;
            } else if (best == gold[i]) {
                tp[best]++;
            } else {
                fp[best]++;
                fn[gold[i]]++;
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (tp[c] + fn[c] == 0 || !tuned[c]) {
                continue;
            }
            present++;
            sum += 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
        }
        return present == 0 ? 0 : sum / present;
    }

    /** The distribution of log-probabilities shifted by the offsets, normalised, into {@code out}. */
    private static void shifted(double[] logP, double[] offsets, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logP.length; c++) {
            max = Math.max(max, logP[c] + offsets[c]);
        }
        double sum = 0;
        for (int c = 0; c < logP.length; c++) {
            out[c] = Math.exp(logP[c] + offsets[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < logP.length; c++) {
            out[c] /= sum;
        }
    }

    /** The decision value (log-odds) of each label, without offsets; adds each known feature's naive Bayes part to {@code nb}. */
    private double[] decision(String[] features, double[] nb) {
        int k = labels.length;
        double[] sum = new double[k];
        double[] length = new double[k];
        int n = 0;
        // One look-up per feature; the division by the vector's length comes at the end.
        for (String f : features) {
            Integer i = index.get(f);
            if (i != null) {
                n++;
                int base = i * k;
                for (int c = 0; c < k; c++) {
                    sum[c] += weights[base + c];
                }
                if (squares != null) {
                    for (int c = 0; c < k; c++) {
                        length[c] += squares[base + c];
                    }
                }
                if (nb != null) {
                    for (int c = 0; c < k; c++) {
                        nb[c] += nbLog[base + c];
                    }
                }
            }
        }
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            double squared = squares == null ? n : length[c];
            z[c] = bias[c] + (squared == 0 ? 0 : sum[c] / Math.sqrt(squared));
        }
        return z;
    }

    /**
     * Log-probability of each label without offsets: the logistic of each one-vs-rest decision, normalised,
     * averaged with the naive Bayes distribution when there is one.
     */
    private double[] logProbabilities(String[] features) {
        // The naive Bayes sums are gathered in the same pass over the features, from the log priors on.
        double[] nb = nbLog == null ? null : nbPrior.clone();
        double[] z = decision(features, nb);
        int k = z.length;
        double sum = 0;
        for (int c = 0; c < k; c++) {
            z[c] = 1 / (1 + Math.exp(-z[c]));
            sum += z[c];
        }
        for (int c = 0; c < k; c++) {
            z[c] /= sum;
        }
        if (nb != null) {
            shifted(nb, new double[k], nb);
            for (int c = 0; c < k; c++) {
                z[c] = (1 - nbShare) * z[c] + nbShare * nb[c];
            }
        }
        for (int c = 0; c < k; c++) {
            z[c] = Math.log(Math.max(z[c], 1e-300));
        }
        return z;
    }

    /** Probability of each label given a text's {@link Features}, shifted by the tuned offsets. */
    Map<String, Double> probabilities(String[] features) {
        double[] p = new double[labels.length];
        shifted(logProbabilities(features), offsets, p);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < p.length; c++) {
            out.put(labels[c], p[c]);
        }
        return out;
    }

    /** Compact storage: gzip of labels, offsets, biases, then each feature with a non-zero weight. */
    byte[] bytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
                int k = labels.length;
                out.writeInt(FORMAT);
                out.writeBoolean(squares != null);
                out.writeDouble(nbLog == null ? 0 : nbShare);
                out.writeInt(k);
                for (int c = 0; c < k; c++) {
                    out.writeUTF(labels[c]);
                    out.writeDouble(offsets[c]);
                    out.writeDouble(bias[c]);
                    if (nbLog != null) {
                        out.writeDouble(nbPrior[c]);
                    }
                }
                List<Map.Entry<String, Integer>> kept = new ArrayList<>();
                for (Map.Entry<String, Integer> e : index.entrySet()) {
                    for (int c = 0; c < k; c++) {
                        if (weights[e.getValue() * k + c] != 0 || nbLog != null) {
                            kept.add(e);
                            break;
                        }
                    }
                }
                out.writeInt(kept.size());
                for (Map.Entry<String, Integer> e : kept) {
                    out.writeUTF(e.getKey());
                    for (int c = 0; c < k; c++) {
                        out.writeFloat(weights[e.getValue() * k + c]);
                        if (squares != null) {
                            out.writeFloat(squares[e.getValue() * k + c]);
                        }
                        if (nbLog != null) {
                            out.writeFloat(nbLog[e.getValue() * k + c]);
                        }
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@link #bytes()}; fails on models stored in another format (they are retrained, not guessed at). */
    static LabelModel read(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored)))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown classifier model format");
            }
            boolean scaled = in.readBoolean();
            double nbShare = in.readDouble();
            boolean naiveBayes = nbShare > 0;
            int k = in.readInt();
            String[] labels = new String[k];
            double[] offsets = new double[k];
            double[] bias = new double[k];
            double[] nbPrior = naiveBayes ? new double[k] : null;
            for (int c = 0; c < k; c++) {
                labels[c] = in.readUTF();
                offsets[c] = in.readDouble();
                bias[c] = in.readDouble();
                if (naiveBayes) {
                    nbPrior[c] = in.readDouble();
                }
            }
            int n = in.readInt();
            Map<String, Integer> index = new HashMap<>(n * 2);
            float[] weights = new float[n * k];
            float[] squares = scaled ? new float[n * k] : null;
            float[] nbLog = naiveBayes ? new float[n * k] : null;
            for (int i = 0; i < n; i++) {
                index.put(in.readUTF(), i);
                for (int c = 0; c < k; c++) {
                    weights[i * k + c] = in.readFloat();
                    if (scaled) {
                        squares[i * k + c] = in.readFloat();
                    }
                    if (naiveBayes) {
                        nbLog[i * k + c] = in.readFloat();
                    }
                }
            }
            return new LabelModel(labels, index, weights, squares, bias, offsets, nbLog, nbPrior, nbShare);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
