package dev.vocloop.feedback.priority;

import dev.vocloop.feedback.classification.Classification;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import dev.vocloop.feedback.items.Channel;
import dev.vocloop.feedback.items.Customer;
import dev.vocloop.feedback.items.SurveyScore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scores an item 0-100 and keeps every reason with its contribution, so a person can see why. */
@ApplicationScoped
public class PriorityScorer {

    /** What the scorer looks at. */
    public record Input(String text, Channel channel, Classification classification, Customer customer, Integer rating,
                        SurveyScore survey, boolean publicPost, long similarLast24h) {
    }

    // Phrases that mean a customer is blocked or losing money or data, in both languages.
    private static final List<String> URGENT = List.of(
            "can't log in", "cant log in", "cannot log in", "can't login", "cannot login", "unable to log in",
            "locked out", "charged twice", "double charged", "charged me twice", "double charge", "data lost",
            "lost all my", "lost my data", "deleted my", "hacked", "stolen", "security breach", "can't pay",
            "cannot pay", "money gone", "outage", "down for everyone", "emergency",
            "无法登录", "登录不了", "登不上", "登陆不了", "重复扣款", "扣了两次", "扣两次", "多扣", "数据丢失", "数据没了",
            "丢失了", "被盗", "盗号", "泄露", "钱扣了", "扣了钱", "无法支付", "付不了款", "紧急", "全部丢失");

    private final PriorityConfig config;

    public PriorityScorer(PriorityConfig config) {
        this.config = config;
    }

    public Priority score(Input in) {
        List<Priority.Reason> reasons = new ArrayList<>();
        reasons.add(new Priority.Reason("BASE", config.base(), "every item starts here"));
        Intent intent = in.classification().intent();
        int intentPoints = switch (intent) {
            case BUG -> config.intentBug();
            case COMPLAINT -> config.intentComplaint();
            case QUESTION -> config.intentQuestion();
            case FEATURE_REQUEST -> config.intentFeatureRequest();
            default -> 0;
        };
        add(reasons, "INTENT_SEVERITY", intentPoints, "intent " + intent);
        if (in.classification().sentiment() == Sentiment.NEGATIVE) {
            int points = (int) Math.round(config.negativeSentiment() * Math.min(1.0, -in.classification().sentimentScore()));
            add(reasons, "NEGATIVE_SENTIMENT", Math.max(points, 1), "sentiment score " + in.classification().sentimentScore());
        }
        if (in.rating() != null && in.rating() <= 2) {
            add(reasons, "LOW_RATING", config.lowRating(), in.rating() + " of 5 stars");
        }
        customerValue(in.customer(), reasons);
        if (in.survey() != null && in.survey().isDetractor()) {
            add(reasons, "NPS_DETRACTOR", config.npsDetractor(), in.survey().type() + " score " + in.survey().score());
        }
        if (in.channel().isPublic() && in.publicPost()) {
            add(reasons, "PUBLIC_CHANNEL", config.publicChannel(), "public " + in.channel());
        }
        String phrase = urgentPhrase(in.text());
        if (phrase != null) {
            add(reasons, "URGENT_PHRASE", config.urgentPhrase(), phrase);
        }
        if (in.similarLast24h() > 0) {
            long points = Math.min(config.maxSimilarItems(), in.similarLast24h() * config.perSimilarItem());
            add(reasons, "SIMILAR_VOLUME", (int) points,
                    in.similarLast24h() + " similar items (" + intent + ", " + in.classification().topic() + ") in 24h");
        }
        int score = Math.max(0, Math.min(100, reasons.stream().mapToInt(Priority.Reason::contribution).sum()));
        return new Priority(score, level(score), List.copyOf(reasons));
    }

    static String level(int score) {
        return score >= 80 ? "P1" : score >= 60 ? "P2" : score >= 35 ? "P3" : "P4";
    }

    static String urgentPhrase(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (String p : URGENT) {
            if (lower.contains(p)) {
                return p;
            }
        }
        return null;
    }

    private void customerValue(Customer customer, List<Priority.Reason> reasons) {
        if (customer == null) {
            return;
        }
        String tier = customer.tier() == null ? "" : customer.tier().toLowerCase(Locale.ROOT);
        String stage = customer.lifecycleStage() == null ? "" : customer.lifecycleStage();
        if (config.highValueTiers().contains(tier) || stage.equals("high-value")) {
            add(reasons, "CUSTOMER_VALUE", config.highValueCustomer(),
                    "tier " + (tier.isEmpty() ? "-" : tier) + ", stage " + (stage.isEmpty() ? "-" : stage));
        } else if (stage.equals("new") || stage.equals("growing")) {
            add(reasons, "CUSTOMER_VALUE", config.newCustomer(), "stage " + stage);
        } else if (stage.equals("dormant")) {
            add(reasons, "CUSTOMER_VALUE", config.dormantCustomer(), "stage dormant");
        }
    }

    private static void add(List<Priority.Reason> reasons, String code, int points, String detail) {
        if (points != 0) {
            reasons.add(new Priority.Reason(code, points, detail));
        }
    }
}
