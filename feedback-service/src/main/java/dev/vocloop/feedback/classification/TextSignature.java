package dev.vocloop.feedback.classification;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A MinHash signature of a text's terms (Broder 1997): {@link #SIZE} numbers from which the Jaccard
 * similarity of two texts' term sets can be estimated without keeping or comparing the texts. Terms
 * are the stemmed words of {@link Features} (without the commonest function words) and Chinese
 * character bigrams, so "crashes when I pay" and "crashing at payment" share "crash" and "pay".
 * Stored with each item to count how many similar ones arrived recently; the hash is specified
 * ({@link String#hashCode()} mixed with fixed seeds), so signatures stay comparable across restarts,
 * replicas and releases.
 */
public final class TextSignature {

    /** Hash functions; the Jaccard estimate's standard error is about sqrt(J(1-J)/SIZE), 0.08 at J = 0.3. */
    public static final int SIZE = 32;

    private static final long[] SEEDS = new long[SIZE];

    /** Function words that every text shares (after stemming), which would make any two texts look alike. */
    private static final Set<String> STOP = Set.of("the", "and", "for", "you", "that", "this", "with", "have", "has", "had",
            "was", "are", "but", "not", "when", "what", "can", "all", "just", "get", "from", "they", "there", "one", "will",
            "your", "been", "veri", "out", "about", "app", "it'", "its", "after", "again", "now", "time", "use", "also", "any",
            "our", "who", "how", "then", "than", "too", "still", "would", "could", "should", "some");

    static {
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIZE; i++) {
            state += 0x9E3779B97F4A7C15L;
            SEEDS[i] = mix(state);
        }
    }

    private TextSignature() {
    }

    /** The signature of a text; empty when the text has no terms (such a text is similar to nothing). */
    public static int[] of(String text) {
        int[] signature = new int[SIZE];
        Arrays.fill(signature, Integer.MAX_VALUE);
        boolean any = false;
        for (String feature : Features.of(text, List.of())) {
            if (!isTerm(feature)) {
                continue;
            }
            any = true;
            long h = feature.hashCode();
            for (int i = 0; i < SIZE; i++) {
                int v = (int) (mix(h ^ SEEDS[i]) >>> 33);
                if (v < signature[i]) {
                    signature[i] = v;
                }
            }
        }
        return any ? signature : new int[0];
    }

    /** The estimated Jaccard similarity of the two texts' terms, in [0, 1]; 0 when either has no terms. */
    public static double similarity(int[] a, int[] b) {
        if (a == null || b == null || a.length != SIZE || b.length != SIZE) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / SIZE;
    }

    private static boolean isTerm(String feature) {
        if (feature.startsWith("LEX:") || feature.startsWith("LEN:") || feature.indexOf('_') >= 0) {
            return false;
        }
        int first = feature.codePointAt(0);
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            return feature.codePointCount(0, feature.length()) == 2;
        }
        return feature.length() >= 3 && Character.isLetter(first) && !STOP.contains(feature);
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
