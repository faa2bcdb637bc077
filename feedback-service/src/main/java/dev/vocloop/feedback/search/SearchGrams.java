package dev.vocloop.feedback.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The search grams of a text, in the manner of PostgreSQL's pg_trgm, so that the keyword filter
 * {@code q} can go through an index without MongoDB's {@code $text} (which has no Chinese).
 * Each stored item keeps the grams of its masked text in {@code searchGrams} under a multikey index;
 * a query asks for items holding all of the query's grams and still checks the exact substring.
 *
 * <p>Characters are folded by simple case folding ({@code toLowerCase(toUpperCase(c))}, code point by
 * code point, the equivalence a case-insensitive Unicode regex uses), then:
 * <ul>
 * <li>Han, Hiragana, Katakana and Hangul characters (written without spaces between words) give the
 * bigrams of each run of them, as Lucene's CJK bigrams do: 更新后闪退 → 更新 新后 后闪 闪退;
 * a run of one character gives nothing;</li>
 * <li>other letters and digits form words, each giving its trigrams (crashes → cra ras ash she hes);
 * a word shorter than three gives itself (ok, 3);</li>
 * <li>everything else (spaces, punctuation, symbols) separates.</li>
 * </ul>
 *
 * <p>{@link #ofQuery} gives only grams that every text containing the query must have, so the
 * grams can narrow a substring search but never lose a match: a short word at either end of the
 * query may be the piece of a longer word in the text ("ap" in "app"), so it is left out; a query
 * without grams (one Chinese character, "ap") must be answered by the substring search alone.
 */
public final class SearchGrams {

    /**
     * Most grams a query hands to MongoDB's {@code $all}. The planner treats each as an equality on
     * the same multikey index and may try one of them per candidate plan; beyond a handful, more grams
     * only add checks on candidates that the substring match decides anyway.
     */
    public static final int MAX_QUERY_GRAMS = 8;

    private SearchGrams() {
    }

    /** The distinct grams of a stored text, in the order they first occur; empty for null. */
    public static List<String> of(String text) {
        return grams(text, false);
    }

    /**
     * The distinct grams that every text containing {@code query} (case-insensitively, as a
     * substring) has; empty when the query has none.
     */
    public static List<String> ofQuery(String query) {
        return grams(query, true);
    }

    /**
     * At most {@code max} of the query's grams, spread evenly over it (first and last included):
     * neighbouring grams overlap (cra, ras, ash) and nearly always occur together, so grams from
     * apart narrow more. Deterministic, so the same query gives the same MongoDB query.
     */
    public static List<String> forQuery(String query, int max) {
        List<String> all = ofQuery(query);
        if (all.size() <= max) {
            return all;
        }
        if (max <= 1) {
            return max == 1 ? List.of(all.get(0)) : List.of();
        }
        List<String> picked = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            picked.add(all.get((int) Math.round((double) i * (all.size() - 1) / (max - 1))));
        }
        return picked;
    }

    private static final int SEPARATOR = 0;
    private static final int WORD = 1;
    private static final int BIGRAM = 2;

    private static List<String> grams(String text, boolean query) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int[] cps = text.codePoints().map(SearchGrams::fold).toArray();
        int n = cps.length;
        Set<String> grams = new LinkedHashSet<>();
        int start = 0;
        while (start < n) {
            int kind = kind(cps[start]);
            int end = start + 1;
            while (end < n && kind(cps[end]) == kind) {
                end++;
            }
            if (kind == BIGRAM) {
                for (int i = start; i + 1 < end; i++) {
                    grams.add(new String(cps, i, 2));
                }
            } else if (kind == WORD) {
                int length = end - start;
                if (length >= 3) {
                    for (int i = start; i + 3 <= end; i++) {
                        grams.add(new String(cps, i, 3));
                    }
                } else if (!query || (start > 0 && end < n)) {
                    // In a query only a short word with a separator on both sides is known to be a whole word of the text.
                    grams.add(new String(cps, start, length));
                }
            }
            start = end;
        }
        return List.copyOf(grams);
    }

    private static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    private static int kind(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
            return BIGRAM;
        }
        return Character.isLetterOrDigit(cp) ? WORD : SEPARATOR;
    }
}
