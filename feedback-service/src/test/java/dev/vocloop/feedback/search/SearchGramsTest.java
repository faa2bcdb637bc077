package dev.vocloop.feedback.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchGramsTest {

    @Test
    void chineseGivesTheBigramsOfEachRunOfCharacters() {
        assertEquals(List.of("更新", "新后", "后一", "一直", "直闪", "闪退"), SearchGrams.of("更新后一直闪退"));
        // Punctuation separates: no 退， or 退卡 across the comma.
        assertEquals(List.of("闪退", "卡顿"), SearchGrams.of("闪退，卡顿"));
        assertEquals(List.of(), SearchGrams.of("好"), "one character has no bigram");
        // Kana and Hangul are bigrammed too.
        assertEquals(List.of("アプ", "プリ"), SearchGrams.of("アプリ"));
    }

    @Test
    void wordsGiveTheirTrigramsAndShortWordsThemselves() {
        assertEquals(List.of("the", "app", "cra", "ras", "ash", "she", "hes"), SearchGrams.of("The app crashes!"));
        assertEquals(List.of("it", "is", "ok", "v5", "2", "0"), SearchGrams.of("it is OK (v5.2.0)"));
        // Other alphabets are words too.
        assertEquals(List.of("баг"), SearchGrams.of("баг"));
    }

    @Test
    void mixedTextSplitsAtTheScriptBoundary() {
        // 后 stands alone between 2 and app: no bigram, and no gram across scripts.
        assertEquals(List.of("更新", "5", "2", "app", "闪退"), SearchGrams.of("更新5.2后app闪退"));
    }

    @Test
    void foldsCaseAsTheCaseInsensitiveRegexDoes() {
        assertEquals(SearchGrams.of("crash"), SearchGrams.of("CRASH"));
        assertEquals(SearchGrams.of("Crash"), SearchGrams.of("cRASH"));
        // Long s, Kelvin sign and final sigma match s, k and σ in a case-insensitive Unicode regex: same grams.
        for (String[] pair : new String[][] {{"ſtop", "STOP"}, {"\u212Aey", "key"}, {"λόγος", "ΛΌΓΟΣ"}}) {
            Pattern p = Pattern.compile(Pattern.quote(pair[0]), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            assertTrue(p.matcher(pair[1]).find(), "the regex takes " + pair[0] + " for " + pair[1]);
            assertEquals(SearchGrams.of(pair[0]), SearchGrams.of(pair[1]), pair[0] + " / " + pair[1]);
        }
    }

    @Test
    void gramsAreDistinctAndEmptyWithoutLettersOrHan() {
        assertEquals(List.of("cra", "ras", "ash"), SearchGrams.of("crash, crash CRASH"));
        assertEquals(List.of(), SearchGrams.of("!!! ... ？？"));
        assertEquals(List.of(), SearchGrams.of(""));
        assertEquals(List.of(), SearchGrams.of(null));
    }

    @Test
    void aQueryKeepsOnlyGramsThatEveryMatchingTextHas() {
        assertEquals(List.of("闪退"), SearchGrams.ofQuery("闪退"));
        assertEquals(List.of("cra", "ras", "ash"), SearchGrams.ofQuery("Crash"));
        // Too short for a gram: one Chinese character, or a word of one or two letters at an end of the query,
        // which may be the piece of a longer word ("ap" in "app").
        assertEquals(List.of(), SearchGrams.ofQuery("闪"));
        assertEquals(List.of(), SearchGrams.ofQuery("ap"));
        assertEquals(List.of(), SearchGrams.ofQuery("is ok"));
        assertTrue(SearchGrams.of("app").containsAll(SearchGrams.ofQuery("ap")));
        // Between separators a short word is whole in every match.
        assertEquals(List.of("app", "is", "ok", "now"), SearchGrams.ofQuery("app is ok now"));
        assertEquals(List.of("3"), SearchGrams.ofQuery("第3次"));
        assertEquals(List.of("2"), SearchGrams.ofQuery("5.2.0"));
    }

    @Test
    void everySubstringOfATextHasOnlyGramsOfThatText() {
        // The property the index relies on: q's grams are a subset of the grams of every text the regex matches.
        String alphabet = "abcABCxyz019闪退更新后ア한 .,，!-_ſ\u212AΣσς";
        Random random = new Random(20261129);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            Set<String> grams = new HashSet<>(SearchGrams.of(text.toString()));
            String t = text.toString();
            for (int from = 0; from < t.length(); from++) {
                for (int to = from + 1; to <= t.length(); to++) {
                    if (Character.isLowSurrogate(t.charAt(from)) || Character.isHighSurrogate(t.charAt(to - 1))) {
                        continue;
                    }
                    String query = flipCase(t.substring(from, to), random);
                    assertTrue(Pattern.compile(Pattern.quote(query), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(t).find());
                    assertTrue(grams.containsAll(SearchGrams.ofQuery(query)), "'" + query + "' in '" + t + "': "
                            + SearchGrams.ofQuery(query) + " not all in " + grams);
                }
            }
        }
    }

    @Test
    void aLongQueryHandsOverAFewGramsSpreadOverIt() {
        String query = "after the latest update the payment page crashes every single time";
        List<String> all = SearchGrams.ofQuery(query);
        List<String> used = SearchGrams.forQuery(query, SearchGrams.MAX_QUERY_GRAMS);
        assertEquals(SearchGrams.MAX_QUERY_GRAMS, used.size());
        assertEquals(all.get(0), used.get(0));
        assertEquals(all.get(all.size() - 1), used.get(used.size() - 1));
        assertTrue(all.containsAll(used));
        assertEquals(used.size(), new HashSet<>(used).size(), "distinct");
        assertEquals(used, SearchGrams.forQuery(query, SearchGrams.MAX_QUERY_GRAMS), "the same query, the same grams");
        assertEquals(List.of("cra", "ras", "ash"), SearchGrams.forQuery("crash", SearchGrams.MAX_QUERY_GRAMS));
    }

    private static String flipCase(String s, Random random) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.appendCodePoint(random.nextBoolean() ? Character.toUpperCase(cp) : cp));
        return sb.toString();
    }
}
