package dev.vocloop.feedback.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The learner on its own: plain and NB-scaled training, and storage that gives back the same model. */
class LabelModelTest {

    /** Polar words decide; "room" and "the" occur on both sides and must not. */
    private static List<LabelModel.Sample> samples() {
        List<LabelModel.Sample> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(new LabelModel.Sample("POSITIVE", new String[] {"the", "room", "clean", "n" + i}));
            out.add(new LabelModel.Sample("NEGATIVE", new String[] {"the", "room", "dirty", "m" + i}));
            out.add(new LabelModel.Sample("NEUTRAL", new String[] {"the", "room", "booked", "k" + i}));
        }
        return out;
    }

    private static String best(LabelModel model, String... features) {
        return model.probabilities(features).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void bothLearnersSeparateTheLabels() {
        for (boolean scaled : new boolean[] {false, true}) {
            LabelModel model = LabelModel.train(samples(), new LabelModel.Settings(16, 2, 1, false, scaled));
            assertEquals("POSITIVE", best(model, "the", "room", "clean"), "scaled " + scaled);
            assertEquals("NEGATIVE", best(model, "the", "room", "dirty"), "scaled " + scaled);
            assertEquals("NEUTRAL", best(model, "the", "room", "booked"), "scaled " + scaled);
            double sum = model.probabilities(new String[] {"clean"}).values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, sum, 1e-9);
        }
    }

    @Test
    void scalingWeighsPolarFeaturesOverSharedOnes() {
        LabelModel plain = LabelModel.train(samples(), new LabelModel.Settings(16, 2, 1, false, false));
        LabelModel scaled = LabelModel.train(samples(), new LabelModel.Settings(16, 2, 1, false, true));
        // A polar word among shared ones: the scaled model is surer, since "the" / "room" weigh nothing in it.
        String[] text = {"the", "room", "dirty"};
        assertTrue(scaled.probabilities(text).get("NEGATIVE") > plain.probabilities(text).get("NEGATIVE"),
                scaled.probabilities(text) + " vs " + plain.probabilities(text));
    }

    @Test
    void storedModelPredictsTheSame() {
        for (boolean scaled : new boolean[] {false, true}) {
            LabelModel model = LabelModel.train(samples(), new LabelModel.Settings(16, 2, 1, false, scaled));
            LabelModel read = LabelModel.read(model.bytes());
            for (String[] text : List.of(new String[] {"the", "clean"}, new String[] {"dirty", "booked", "unknown"}, new String[0])) {
                Map<String, Double> before = model.probabilities(text);
                Map<String, Double> after = read.probabilities(text);
                before.forEach((label, p) -> assertEquals(p, after.get(label), 1e-6, label + " scaled " + scaled));
            }
        }
    }

    @Test
    void naiveBayesPartSeparatesAndIsStored() {
        LabelModel model = LabelModel.train(samples(), new LabelModel.Settings(16, 2, 1, false, false, 0.5, 1, java.util.Set.of()));
        assertEquals("POSITIVE", best(model, "the", "room", "clean"));
        assertEquals("NEGATIVE", best(model, "the", "room", "dirty"));
        LabelModel read = LabelModel.read(model.bytes());
        for (String[] text : List.of(new String[] {"the", "clean"}, new String[] {"dirty", "booked", "unknown"}, new String[0])) {
            Map<String, Double> before = model.probabilities(text);
            Map<String, Double> after = read.probabilities(text);
            assertEquals(1.0, before.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            before.forEach((label, p) -> assertEquals(p, after.get(label), 1e-6, label));
        }
    }

    @Test
    void aModelOfAnotherFormatIsRefused() {
        byte[] notAModel = "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(UncheckedIOException.class, () -> LabelModel.read(notAModel));
    }
}
