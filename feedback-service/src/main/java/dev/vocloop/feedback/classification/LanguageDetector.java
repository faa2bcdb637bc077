package dev.vocloop.feedback.classification;

import java.util.Set;

/**
 * Tells zh, en and other apart by script and a few function words. Enough for routing and for
 * picking features; a full language identifier would cost more than it buys for two languages.
 */
final class LanguageDetector {

    private static final Set<String> EN_WORDS = Set.of("the", "a", "an", "is", "it", "i", "to", "and", "of", "in",
            "my", "you", "for", "not", "this", "that", "can", "app", "on", "with", "when", "please", "was", "are",
            "be", "no", "so", "but", "me", "have", "do", "great", "love", "good", "bad", "why", "how", "what", "would",
            "could", "cant", "can't", "dont", "don't", "doesn't", "won't", "after", "update", "again", "all", "very");

    private LanguageDetector() {
    }

    static String detect(String text) {
        int han = 0;
        int latin = 0;
        int otherLetters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if (cp < 0x250 && Character.isLetter(cp)) {
                latin++;
            } else if (Character.isLetter(cp)) {
                otherLetters++;
            }
        }
        int letters = han + latin + otherLetters;
        if (letters == 0) {
            return "other";
        }
        // A Chinese sentence with an English brand or "app" in it is Chinese: Han characters carry more meaning each.
        if (han >= 2 && han * 3 >= latin / 2) {
            return "zh";
        }
        if (latin * 2 >= letters && looksEnglish(text)) {
            return "en";
        }
        return han > 0 && han >= otherLetters ? "zh" : "other";
    }

    private static boolean looksEnglish(String text) {
        String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^a-z']+");
        int total = 0;
        int known = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            total++;
            if (EN_WORDS.contains(w)) {
                known++;
            }
        }
        // Short texts ("crash!!", "login bug") carry no function words: accept them as English.
        return total <= 3 || known > 0;
    }
}
