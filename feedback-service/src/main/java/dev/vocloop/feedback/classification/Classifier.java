package dev.vocloop.feedback.classification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Labels texts in Chinese and English: language, intent, topic and sentiment, each with a confidence. */
@ApplicationScoped
public class Classifier {

    private final ClassifierConfig config;
    private final Lexicon lexicon = Lexicon.load("classifier/lexicon.txt");

    public Classifier(ClassifierConfig config) {
        this.config = config;
    }

    public Classification classify(String text) {
        String language = LanguageDetector.detect(text);
        List<Lexicon.Hit> hits = lexicon.scan(text);

        double positive = 0;
        double negative = 0;
        Map<Intent, Double> intents = new EnumMap<>(Intent.class);
        Map<String, Double> topics = new HashMap<>();
        for (Lexicon.Hit hit : hits) {
            switch (hit.kind()) {
                case "sentiment" -> {
                    if (hit.label().equals("POSITIVE")) {
                        positive += hit.weight();
                    } else {
                        negative += hit.weight();
                    }
                }
                case "intent" -> intents.merge(Intent.valueOf(hit.label()), hit.weight(), Double::sum);
                case "topic" -> {
                    if (config.topics().contains(hit.label())) {
                        topics.merge(hit.label(), hit.weight(), Double::sum);
                    }
                }
                default -> {
                }
            }
        }
        double sentimentScore = Math.tanh((positive - negative) / 3.0);
        Sentiment sentiment = sentimentScore >= 0.25 ? Sentiment.POSITIVE
                : sentimentScore <= -0.25 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        if (text.indexOf('?') >= 0 || text.indexOf('？') >= 0) {
            intents.merge(Intent.QUESTION, 1.5, Double::sum);
        }
        // Without an explicit intent word, the mood still says something: an angry text is a complaint.
        if (sentiment == Sentiment.NEGATIVE) {
            intents.merge(Intent.COMPLAINT, 1.0, Double::sum);
        } else if (sentiment == Sentiment.POSITIVE) {
            intents.merge(Intent.PRAISE, 1.0, Double::sum);
        }
        intents.merge(Intent.OTHER, 0.5, Double::sum);

        Map.Entry<Intent, Double> intent = best(intents);
        double intentConfidence = intent.getValue() / (intents.values().stream().mapToDouble(d -> d).sum() + 1.0);
        String topic = "OTHER";
        double topicConfidence = 0.3;
        if (!topics.isEmpty()) {
            Map.Entry<String, Double> t = best(topics);
            topic = t.getKey();
            topicConfidence = t.getValue() / (topics.values().stream().mapToDouble(d -> d).sum() + 1.0);
        }
        boolean needsTriage = intentConfidence < config.triageIntentConfidence()
                || topicConfidence < config.triageTopicConfidence();
        return new Classification(language, intent.getKey(), round(intentConfidence), topic, round(topicConfidence),
                sentiment, round(sentimentScore), needsTriage);
    }

    private static <K> Map.Entry<K, Double> best(Map<K, Double> scores) {
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    }

    static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
