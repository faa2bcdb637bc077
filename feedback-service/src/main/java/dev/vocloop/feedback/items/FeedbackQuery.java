package dev.vocloop.feedback.items;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.search.SearchGrams;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * Filters, order and cursor of a feedback list. The cursor carries the sort key and id of the last
 * item seen (keyset paging), so pages stay stable while new items arrive.
 */
public record FeedbackQuery(String channel, String intent, String topic, String sentiment, String priority,
                            String loopStatus, String language, String product, String customerId, String ticketId,
                            Boolean needsTriage, Instant from, Instant to, String q, String sort, String cursor, int limit) {

    public Bson filter() {
        List<Bson> f = new ArrayList<>();
        eq(f, "channel", channel);
        eq(f, "intent", intent);
        eq(f, "topic", topic);
        eq(f, "sentiment", sentiment);
        eq(f, "priority.level", priority);
        eq(f, "loopStatus", loopStatus);
        eq(f, "language", language);
        eq(f, "product", product);
        eq(f, "customer.id", customerId);
        eq(f, "ticketId", ticketId);
        if (needsTriage != null) {
            f.add(Filters.eq("needsTriage", needsTriage));
        }
        if (from != null) {
            f.add(Filters.gte("receivedAt", Date.from(from)));
        }
        if (to != null) {
            f.add(Filters.lt("receivedAt", Date.from(to)));
        }
        if (q != null && !q.isBlank()) {
            String keyword = q.strip();
            // No $text (no Chinese there): the grams find the candidates through the search_grams index, and the
            // quoted substring regex decides, as grams that all occur need not occur together. A query without
            // grams (one Chinese character, two letters) is the regex alone, a scan of what the other filters select.
            List<String> grams = SearchGrams.forQuery(keyword, SearchGrams.MAX_QUERY_GRAMS);
            if (!grams.isEmpty()) {
                f.add(Filters.all(FeedbackRepository.SEARCH_GRAMS, grams));
            }
            f.add(Filters.regex("textMasked", Pattern.compile(Pattern.quote(keyword), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        if (cursor != null && !cursor.isBlank()) {
            f.add(after(cursor));
        }
        return f.isEmpty() ? Filters.empty() : Filters.and(f);
    }

    public Bson order() {
        return byPriority() ? Sorts.descending("priority.score", "_id") : Sorts.descending("receivedAt", "_id");
    }

    public boolean byPriority() {
        return "priority".equals(sort);
    }

    /** The cursor that continues after this item. */
    public String cursorAfter(Feedback last) {
        String key = byPriority() ? String.valueOf(last.priority().score()) : String.valueOf(last.receivedAt().toEpochMilli());
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private Bson after(String cursor) {
        String[] parts;
        long key;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            key = Long.parseLong(parts[0]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor returned by this API");
        }
        if (parts.length != 2) {
            throw ProblemException.invalidField("cursor", "is not a cursor returned by this API");
        }
        String field = byPriority() ? "priority.score" : "receivedAt";
        Object value = byPriority() ? (Object) (int) key : new Date(key);
        return Filters.or(Filters.lt(field, value), Filters.and(Filters.eq(field, value), Filters.lt("_id", parts[1])));
    }

    private static void eq(List<Bson> f, String field, String value) {
        if (value != null && !value.isBlank()) {
            f.add(Filters.eq(field, value.strip()));
        }
    }
}
