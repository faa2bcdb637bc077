package dev.vocloop.ticket.routing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a rule matches: every list that is given must contain the ticket's value (ignoring case);
 * {@code keywords} matches when any keyword occurs in the text (substring, so it works for Chinese).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleConditions(
        List<String> intents,
        List<String> topics,
        List<String> channels,
        List<String> languages,
        List<String> priorities,
        List<String> products,
        List<String> tiers,
        List<String> lifecycleStages,
        List<String> keywords) {

    /** True when no condition is given: such a rule would catch everything, which the default team does. */
    @JsonIgnore
    public boolean isEmpty() {
        return all().stream().allMatch(l -> l == null || l.isEmpty());
    }

    private List<List<String>> all() {
        List<List<String>> lists = new ArrayList<>();
        lists.add(intents);
        lists.add(topics);
        lists.add(channels);
        lists.add(languages);
        lists.add(priorities);
        lists.add(products);
        lists.add(tiers);
        lists.add(lifecycleStages);
        lists.add(keywords);
        return lists;
    }

    /** The reasons this rule matches the input, or {@code null} when it does not. */
    public List<String> match(RoutingInput in) {
        List<String> why = new ArrayList<>();
        if (!field("intent", intents, in.intent(), why) || !field("topic", topics, in.topic(), why)
                || !field("channel", channels, in.channel(), why) || !field("language", languages, in.language(), why)
                || !field("priority", priorities, in.priority(), why) || !field("product", products, in.product(), why)
                || !field("tier", tiers, in.tier(), why) || !field("lifecycleStage", lifecycleStages, in.lifecycleStage(), why)) {
            return null;
        }
        if (keywords != null && !keywords.isEmpty()) {
            String text = in.text() == null ? "" : in.text().toLowerCase(Locale.ROOT);
            String hit = keywords.stream().filter(k -> k != null && !k.isBlank() && text.contains(k.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (hit == null) {
                return null;
            }
            why.add("text contains keyword \"" + hit + "\"");
        }
        return why;
    }

    private static boolean field(String name, List<String> allowed, String value, List<String> why) {
        if (allowed == null || allowed.isEmpty()) {
            return true;
        }
        if (value != null && allowed.stream().anyMatch(a -> a != null && a.equalsIgnoreCase(value))) {
            why.add(name + " is " + value);
            return true;
        }
        return false;
    }
}
