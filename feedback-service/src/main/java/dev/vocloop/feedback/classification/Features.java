package dev.vocloop.feedback.classification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Turns a text into the set of features the linear models weigh. Chinese has no spaces, so each
 * run of Han characters gives character 1-, 2- and 3-grams (no segmenter, no dependence on
 * whitespace); Latin text gives Snowball-stemmed words and stem bigrams ("crash", "crash_when"),
 * so "crashes" and "crashing" count as one; a mixed text gets both. The lexicon adds its hits
 * ("LEX:sentiment:NEGATIVE"), which carries the project's knowledge into every model and helps
 * most where examples are few, and a length bucket says whether a text is a one-liner or a story.
 */
final class Features {

    /** Snowball's stemmer keeps state while stemming: one per thread. */
    private static final ThreadLocal<SnowballStemmer> STEMMER =
            ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

    private Features() {
    }

    static String[] of(String text, List<Lexicon.Hit> hits) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>(lower.length() * 3);
        StringBuilder word = new StringBuilder();
        StringBuilder han = new StringBuilder();
        String previousWord = null;
        int words = 0;
        int hanChars = 0;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                if (!word.isEmpty()) {
                    previousWord = flushWord(word, previousWord, out);
                    words++;
                }
                previousWord = null;
                hanChars++;
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp) || cp == '\'') {
                flushHan(han, out);
                if (cp != '\'') {
                    word.appendCodePoint(cp);
                }
            } else {
                flushHan(han, out);
                if (!word.isEmpty()) {
                    previousWord = flushWord(word, previousWord, out);
                    words++;
                }
                if (cp == '?' || cp == '？') {
                    out.add("?");
                    previousWord = null;
                } else if (cp == '!' || cp == '！') {
                    out.add("!");
                    previousWord = null;
                } else if (cp == '.' || cp == '。' || cp == ',' || cp == '，' || cp == ';' || cp == '；') {
                    previousWord = null;
                }
            }
        }
        flushHan(han, out);
        if (!word.isEmpty()) {
            flushWord(word, previousWord, out);
            words++;
        }
        for (Lexicon.Hit hit : hits) {
            out.add("LEX:" + hit.kind() + ":" + hit.label());
        }
        // Length in words (a Han character counts as half a word): bug reports tell a story, ratings are short.
        int size = words + hanChars / 2;
        out.add("LEN:" + (size < 5 ? 0 : size < 12 ? 1 : size < 30 ? 2 : size < 80 ? 3 : 4));
        return out.toArray(String[]::new);
    }

    /** Character 1-, 2- and 3-grams of a run of Han characters. */
    private static void flushHan(StringBuilder han, Set<String> out) {
        int n = han.length();
        if (n == 0) {
            return;
        }
        String run = han.toString();
        han.setLength(0);
        int[] cps = run.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            for (int len = 1; len <= 3 && i + len <= cps.length; len++) {
                out.add(new String(cps, i, len));
            }
        }
    }

    private static String flushWord(StringBuilder word, String previousWord, Set<String> out) {
        String w = STEMMER.get().stem(word).toString();
        word.setLength(0);
        out.add(w);
        if (previousWord != null) {
            out.add(previousWord + "_" + w);
        }
        return w;
    }
}
