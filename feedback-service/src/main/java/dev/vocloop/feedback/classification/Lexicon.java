package dev.vocloop.feedback.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's own cold-start lexicon ({@code classifier/lexicon.txt}): weighted terms per label,
 * matched longest-first without relying on whitespace, with negation flipping sentiment. It gives
 * usable labels before any training and extra evidence after it.
 */
final class Lexicon {

    /** A match of one term: its kind (intent, topic, sentiment), label and signed weight. */
    record Hit(String kind, String label, double weight, String term) {
    }

    private record Term(String text, String kind, String label, double weight, boolean word, boolean prefix) {
    }

    private static final int ZH_NEGATION_REACH = 3;
    private static final int EN_NEGATION_REACH = 14;

    /** A character trie of the terms: the terms that start at a position are those on the path from there. */
    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        List<Term> terms;
    }

    private final Node root = new Node();

    private Lexicon() {
    }

    static Lexicon load(String resource) {
        Lexicon lexicon = new Lexicon();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                lexicon.parse(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lexicon;
    }

    private void parse(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        int colon = line.indexOf(':');
        String[] head = line.substring(0, colon).trim().split("\\s+");
        String kind = head[0];
        String label = head.length > 1 ? head[1] : "";
        double weight = head.length > 2 ? Double.parseDouble(head[2]) : 1.0;
        for (String raw : line.substring(colon + 1).split("\\|")) {
            String term = raw.trim().toLowerCase(Locale.ROOT);
            if (term.isEmpty()) {
                continue;
            }
            boolean prefix = term.endsWith("*");
            if (prefix) {
                term = term.substring(0, term.length() - 1);
            }
            boolean word = term.chars().allMatch(c -> c < 0x250);
            Node node = root;
            for (int i = 0; i < term.length(); i++) {
                node = node.next.computeIfAbsent(term.charAt(i), k -> new Node());
            }
            if (node.terms == null) {
                node.terms = new ArrayList<>(1);
            }
            node.terms.add(new Term(term, kind, label, weight, word, prefix));
        }
    }

    /**
     * All hits in the text; a term may appear under several kinds (e.g. "crash" is BUG intent,
     * PERFORMANCE topic and negative sentiment), so every kind keeps its own longest match.
     */
    List<Hit> scan(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        Map<String, Integer> coveredUntil = new HashMap<>(4);
        int negatedUntil = -1;
        // A warning ("不要", "没必要") turns praise into advice against, but "没必要浪费钱" is still a complaint.
        boolean prohibitive = false;
        // Where the last negator or degree word began and ended: a term that starts inside one overlaps it.
        int modifierStart = -1;
        int modifierUntil = -1;
        int intensifiedUntil = -1;
        double intensity = 1.0;
        // What follows "but" / "但是" usually carries the verdict of a mixed review.
        boolean contrast = false;
        List<List<Term>> path = new ArrayList<>();
        outer:
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            // A negator or degree word reaches to the end of its clause, not past it.
            if (c == '.' || c == '!' || c == '?' || c == ',' || c == '，' || c == '。' || c == '！' || c == '？' || c == '；' || c == ';'
                    || c == '、' || c == '～' || c == '~' || c == '…') {
                negatedUntil = -1;
                intensifiedUntil = -1;
            }
            if (!root.next.containsKey(c)) {
                continue;
            }
            // Inside an English word only Chinese terms may start: none begins with a Latin letter or digit.
            if (i > 0 && isWordChar(c) && isWordChar(lower.charAt(i - 1))) {
                continue;
            }
            // The terms that start here: one walk down the trie, however many terms the lexicon holds.
            path.clear();
            Node node = root;
            for (int j = i; j < lower.length() && (node = node.next.get(lower.charAt(j))) != null; j++) {
                if (node.terms != null) {
                    path.add(node.terms);
                }
            }
            // Longest match first: a negator or degree word inside a longer term ("不错", "不过", "太阳") is no negator.
            int longestHere = 0;
            for (int p = path.size() - 1; p >= 0; p--) {
                for (Term t : path.get(p)) {
                    if (coveredUntil.getOrDefault(t.kind(), -1) > i) {
                        continue;
                    }
                    int end = i + t.text().length();
                    if (t.word() && !t.prefix() && end < lower.length() && isWordChar(lower.charAt(end))) {
                        continue;
                    }
                    boolean modifier = t.kind().equals("negator") || t.kind().equals("degree");
                    if (modifier && t.text().length() < longestHere) {
                        continue;
                    }
                    // Inside a negator or degree word that began earlier ("并不" then "不怎么样", "不大" then "大方",
                    // "是不是" then "不是"): a modifier there is part of it, and a polar word that brings its own
                    // negation is not negated twice.
                    boolean inside = i > modifierStart && i < modifierUntil;
                    boolean ownNegation = inside && isNegationChar(t.text().charAt(0));
                    if (inside && modifier) {
                        continue;
                    }
                    // Inside a polar or neutral word matched before ("很不错", "差不多"): its "不" negates nothing after it.
                    if (modifier && coveredUntil.getOrDefault("sentiment", -1) > i) {
                        continue;
                    }
                    longestHere = Math.max(longestHere, t.text().length());
                    coveredUntil.put(t.kind(), end);
                    if (modifier) {
                        modifierStart = i;
                        modifierUntil = end;
                    }
                    if (t.kind().equals("degree")) {
                        intensity = t.weight();
                        intensifiedUntil = end + (t.word() ? EN_NEGATION_REACH : ZH_NEGATION_REACH);
                        continue;
                    }
                    if (t.kind().equals("contrast")) {
                        contrast = true;
                        continue;
                    }
                    if (t.kind().equals("stop")) {
                        // The shop's or hotel's answer under a review ("宾馆反馈", "商家回复") is not the reviewer's.
                        break outer;
                    }
                    if (t.kind().equals("negator")) {
                        negatedUntil = end + (t.word() ? EN_NEGATION_REACH : t.label().equals("LONG") ? (int) t.weight() : ZH_NEGATION_REACH);
                        prohibitive = t.label().equals("WARN");
                        continue;
                    }
                    double weight = t.weight();
                    String label = t.label();
                    if (t.kind().equals("sentiment") && i < negatedUntil && !ownNegation && !label.equals("NEUTRAL")
                            && !(prohibitive && label.equals("NEGATIVE"))) {
                        // "not good", "不满意": a negated polar word points the other way, a little weaker.
                        label = label.equals("POSITIVE") ? "NEGATIVE" : "POSITIVE";
                        weight *= label.equals("NEGATIVE") ? 1.0 : 0.5;
                    }
                    if (contrast && t.kind().equals("sentiment")) {
                        weight *= 1.5;
                    }
                    if (t.kind().equals("sentiment") && i < intensifiedUntil) {
                        // "很好", "太差", "very slow": a degree word strengthens (or, like "有点", softens) what follows.
                        weight *= intensity;
                    }
                    hits.add(new Hit(t.kind(), label, weight, t.text()));
                }
            }
        }
        return hits;
    }

    private static boolean isNegationChar(char c) {
        return c == '不' || c == '没' || c == '無' || c == '无' || c == '沒' || c == '非' || c == '未' || c == '别' || c == '別';
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
    }
}
