package dev.vocloop.feedback.items;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import dev.vocloop.feedback.classification.Classification;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import dev.vocloop.feedback.classification.TextSignature;
import dev.vocloop.feedback.priority.Priority;
import dev.vocloop.feedback.search.SearchGrams;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Feedback documents in MongoDB, read and written as plain {@link Document}s (the one persistence
 * style of this service) and mapped to {@link Feedback} here only.
 */
@ApplicationScoped
public class FeedbackRepository {

    public static final String COLLECTION = "feedback";

    private final MongoCollection<Document> collection;

    // The database name is Quarkus' own MongoDB setting (MONGODB_DATABASE), so it is read as such.
    /** The MinHash signature of the masked text, for counting similar items (never returned by the API). */
    private static final String SIGNATURE = "signature";

    /**
     * The {@link SearchGrams} of the masked text (never of the original, so personal data is neither
     * indexed nor searchable), for the keyword filter {@code q}; never returned by the API. Written at
     * insert, the only time {@code textMasked} is written, and by
     * {@link dev.vocloop.feedback.search.SearchGramBackfill} for items stored before the field existed.
     */
    public static final String SEARCH_GRAMS = "searchGrams";

    /** Everything but the fields kept for the store's own use: lists need not carry them over the wire. */
    public static final Bson ITEM_FIELDS = Projections.exclude(SIGNATURE, SEARCH_GRAMS);

    public FeedbackRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = client.getDatabase(database).getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent event) {
        // (channel, externalId) is unique; items without externalId get their own id as key.
        collection.createIndex(Indexes.ascending("dedupKey"), new IndexOptions().unique(true).name("dedup_unique"));
        collection.createIndex(Indexes.descending("receivedAt", "_id"), new IndexOptions().name("received"));
        collection.createIndex(Indexes.descending("priority.score", "_id"), new IndexOptions().name("priority"));
        collection.createIndex(Indexes.ascending("ticketId"), new IndexOptions().name("ticket"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("intent", "topic"), Indexes.descending("receivedAt")),
                new IndexOptions().name("similar"));
        collection.createIndex(Indexes.ascending("delivery.state", "delivery.nextAttemptAt"), new IndexOptions().name("delivery"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("customer.id"), Indexes.descending("receivedAt")),
                new IndexOptions().name("customer"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("channel"), Indexes.descending("receivedAt")),
                new IndexOptions().name("channel"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("loopStatus"), Indexes.descending("receivedAt")),
                new IndexOptions().name("loop"));
        // Multikey: one entry per gram, so q finds its candidates without a scan.
        collection.createIndex(Indexes.ascending(SEARCH_GRAMS), new IndexOptions().name("search_grams"));
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    /**
     * Inserts a new item with its text's {@link TextSignature} and {@link SearchGrams}; false when its
     * dedup key exists already.
     */
    public boolean insertIfAbsent(Feedback feedback, int[] signature) {
        try {
            collection.insertOne(toDocument(feedback).append(SIGNATURE, Arrays.stream(signature).boxed().toList())
                    .append(SEARCH_GRAMS, SearchGrams.of(feedback.textMasked())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Feedback> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(FeedbackRepository::fromDocument);
    }

    public Optional<Feedback> findByDedupKey(String key) {
        return Optional.ofNullable(collection.find(Filters.eq("dedupKey", key)).first()).map(FeedbackRepository::fromDocument);
    }

    /**
     * How many items with the same intent and topic since a time have a text similar to the signature
     * (estimated Jaccard similarity of their terms at least {@code threshold}). Compares with at most
     * {@code candidates} of them, found through the {@code similar} index, reading only their signatures. No
     * sort: MongoDB walks that index newest first anyway, and sorting every match costs the in-memory
     * server of the local platform more than the comparison itself; past the cap the count is a lower bound.
     */
    public long countSimilarSince(Intent intent, String topic, Instant since, int[] signature, double threshold, int candidates) {
        if (signature.length == 0) {
            return 0;
        }
        long similar = 0;
        for (Document d : collection.find(Filters.and(Filters.eq("intent", intent.name()), Filters.eq("topic", topic),
                        Filters.gte("receivedAt", Date.from(since))))
                .projection(Projections.include(SIGNATURE)).limit(candidates)) {
            List<Integer> stored = d.getList(SIGNATURE, Integer.class);
            if (stored != null && TextSignature.similarity(signature, stored.stream().mapToInt(Integer::intValue).toArray()) >= threshold) {
                similar++;
            }
        }
        return similar;
    }

    public static String dedupKey(Channel channel, String externalId, String id) {
        return externalId == null ? "id:" + id : channel.name() + ":" + externalId;
    }

    public static Bson byId(String id) {
        return Filters.eq("_id", id);
    }

    // ---- mapping ----

    public static Document toDocument(Feedback f) {
        Classification c = f.classification();
        Document d = new Document("_id", f.id())
                .append("dedupKey", dedupKey(f.channel(), f.externalId(), f.id()))
                .append("channel", f.channel().name())
                .append("externalId", f.externalId())
                .append("text", f.text())
                .append("textMasked", f.textMasked())
                .append("title", f.title())
                .append("language", c.language())
                .append("intent", c.intent().name())
                .append("intentConfidence", c.intentConfidence())
                .append("topic", c.topic())
                .append("topicConfidence", c.topicConfidence())
                .append("sentiment", c.sentiment().name())
                .append("sentimentScore", c.sentimentScore())
                .append("needsTriage", c.needsTriage())
                .append("corrected", f.corrected())
                .append("priority", priorityDoc(f.priority()))
                .append("loopStatus", f.loopStatus().name())
                .append("ticketId", f.ticketId())
                .append("team", f.team())
                .append("customer", customerDoc(f.customer()))
                .append("product", f.product())
                .append("rating", f.rating())
                .append("survey", f.survey() == null ? null : new Document("surveyId", f.survey().surveyId())
                        .append("type", f.survey().type()).append("score", f.survey().score()))
                .append("details", f.details() == null ? null : new Document(f.details()))
                .append("receivedAt", date(f.receivedAt()))
                .append("createdAt", date(f.createdAt()))
                .append("updatedAt", date(f.updatedAt()));
        if (f.delivery() != null) {
            d.append("delivery", deliveryDoc(f.delivery()));
        }
        return d;
    }

    public static Document priorityDoc(Priority p) {
        List<Document> reasons = p.reasons().stream().map(r -> new Document("code", r.code())
                .append("contribution", r.contribution()).append("detail", r.detail())).toList();
        return new Document("score", p.score()).append("level", p.level()).append("reasons", reasons);
    }

    static Document deliveryDoc(Delivery d) {
        return new Document("state", d.state().name()).append("attempts", d.attempts())
                .append("nextAttemptAt", date(d.nextAttemptAt())).append("leaseOwner", d.leaseOwner())
                .append("leaseUntil", date(d.leaseUntil())).append("lastError", d.lastError())
                .append("deliveredAt", date(d.deliveredAt()));
    }

    static Document customerDoc(Customer c) {
        if (c == null) {
            return null;
        }
        return new Document("id", c.id()).append("email", c.email()).append("name", c.name()).append("locale", c.locale())
                .append("tier", c.tier()).append("lifecycleStage", c.lifecycleStage())
                .append("attributes", c.attributes() == null ? null : new Document(new LinkedHashMap<>(c.attributes())));
    }

    public static Feedback fromDocument(Document d) {
        Classification c = new Classification(d.getString("language"), Intent.valueOf(d.getString("intent")),
                num(d, "intentConfidence"), d.getString("topic"), num(d, "topicConfidence"),
                Sentiment.valueOf(d.getString("sentiment")), num(d, "sentimentScore"), Boolean.TRUE.equals(d.getBoolean("needsTriage")));
        Document s = d.get("survey", Document.class);
        Document details = d.get("details", Document.class);
        return new Feedback(d.getString("_id"), Channel.valueOf(d.getString("channel")), d.getString("externalId"),
                d.getString("text"), d.getString("textMasked"), d.getString("title"), c,
                Boolean.TRUE.equals(d.getBoolean("corrected")), priority(d.get("priority", Document.class)),
                LoopStatus.valueOf(d.getString("loopStatus")), d.getString("ticketId"), d.getString("team"),
                customer(d.get("customer", Document.class)), d.getString("product"), d.getInteger("rating"),
                s == null ? null : new SurveyScore(s.getString("surveyId"), s.getString("type"), s.getInteger("score")),
                details == null ? null : new LinkedHashMap<>(details), instant(d.getDate("receivedAt")),
                instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")), delivery(d.get("delivery", Document.class)));
    }

    static Priority priority(Document p) {
        List<Priority.Reason> reasons = new ArrayList<>();
        for (Document r : p.getList("reasons", Document.class, List.of())) {
            reasons.add(new Priority.Reason(r.getString("code"), r.getInteger("contribution"), r.getString("detail")));
        }
        return new Priority(p.getInteger("score"), p.getString("level"), reasons);
    }

    public static Delivery delivery(Document d) {
        if (d == null) {
            return null;
        }
        return new Delivery(Delivery.State.valueOf(d.getString("state")), d.getInteger("attempts", 0),
                instant(d.getDate("nextAttemptAt")), d.getString("leaseOwner"), instant(d.getDate("leaseUntil")),
                d.getString("lastError"), instant(d.getDate("deliveredAt")));
    }

    static Customer customer(Document c) {
        if (c == null) {
            return null;
        }
        Document attrs = c.get("attributes", Document.class);
        Map<String, String> attributes = null;
        if (attrs != null) {
            attributes = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : attrs.entrySet()) {
                attributes.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return new Customer(c.getString("id"), c.getString("email"), c.getString("name"), c.getString("locale"),
                c.getString("tier"), c.getString("lifecycleStage"), attributes);
    }

    private static double num(Document d, String key) {
        Object v = d.get(key);
        return v instanceof Number n ? n.doubleValue() : 0.0;
    }

    public static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    public static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
