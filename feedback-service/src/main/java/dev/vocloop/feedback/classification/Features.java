package dev.vocloop.feedback.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a text into the tokens the categoriser counts. Chinese has no spaces, so runs of Han
 * characters give character unigrams and bigrams; Latin text gives lower-cased words and word
 * bigrams; the lexicon adds its hits ("LEX:sentiment:NEGATIVE"), which carries the project's
 * knowledge into every model and helps most where examples are few.
 */
final class Features {

    private Features() {
    }

    static String[] of(String text, List<Lexicon.Hit> hits) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(lower.length() * 2);
        StringBuilder word = new StringBuilder();
        String previousWord = null;
        int previousHan = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                previousWord = flush(word, previousWord, out);
                previousWord = null;
                String ch = new String(Character.toChars(cp));
                out.add(ch);
                if (previousHan >= 0) {
                    out.add(new String(Character.toChars(previousHan)) + ch);
                }
                previousHan = cp;
            } else if (Character.isLetterOrDigit(cp) || cp == '\'') {
                previousHan = -1;
                if (cp != '\'') {
                    word.appendCodePoint(cp);
                }
            } else {
                previousHan = -1;
                previousWord = flush(word, previousWord, out);
                if (cp == '?' || cp == '？' || cp == '!' || cp == '！') {
                    out.add(new String(Character.toChars(cp)).equals("？") ? "?" : new String(Character.toChars(cp)).replace('！', '!'));
                }
            }
        }
        flush(word, previousWord, out);
        for (Lexicon.Hit hit : hits) {
            out.add("LEX:" + hit.kind() + ":" + hit.label());
        }
        return out.toArray(String[]::new);
    }

    private static String flush(StringBuilder word, String previousWord, List<String> out) {
        if (word.isEmpty()) {
            return previousWord;
        }
        String w = word.toString();
        word.setLength(0);
        out.add(w);
        if (previousWord != null) {
            out.add(previousWord + "_" + w);
        }
        return w;
    }
}
