package dev.vocloop.feedback.items;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.classification.Classification;
import dev.vocloop.feedback.classification.Classifier;
import dev.vocloop.feedback.classification.ClassifierConfig;
import dev.vocloop.feedback.classification.ClassifierService;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.TextSignature;
import dev.vocloop.feedback.priority.Priority;
import dev.vocloop.feedback.priority.PriorityConfig;
import dev.vocloop.feedback.priority.PriorityScorer;
import dev.vocloop.feedback.privacy.PiiMasker;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Takes feedback in from every channel: cleans, deduplicates, classifies, masks, scores and stores
 * it, and marks actionable items for hand-over to ticket-service in the same document write.
 */
@ApplicationScoped
public class FeedbackService {

    /** The stored item and whether this call created it (false: the same channel + externalId existed). */
    public record Submission(Feedback feedback, boolean created) {
    }

    private final FeedbackRepository repository;
    private final Classifier classifier;
    private final PriorityScorer scorer;
    private final PiiMasker masker;
    private final IntakeConfig config;
    private final Event<ActionableStored> stored;
    private final ClassifierService classifierService;
    private final ClassifierConfig classifierConfig;
    private final PriorityConfig priorityConfig;

    public FeedbackService(FeedbackRepository repository, Classifier classifier, PriorityScorer scorer, PiiMasker masker,
                           IntakeConfig config, Event<ActionableStored> stored, ClassifierService classifierService,
                           ClassifierConfig classifierConfig, PriorityConfig priorityConfig) {
        this.classifierService = classifierService;
        this.classifierConfig = classifierConfig;
        this.priorityConfig = priorityConfig;
        this.repository = repository;
        this.classifier = classifier;
        this.scorer = scorer;
        this.masker = masker;
        this.config = config;
        this.stored = stored;
    }

    public Submission submit(FeedbackRequest request) {
        String id = Ids.newId();
        String externalId = blankToNull(request.externalId());
        if (externalId != null) {
            // Cheap path for repeats (re-imports, retried hand-overs): no classification needed.
            Optional<Feedback> existing = repository.findByDedupKey(FeedbackRepository.dedupKey(request.channel(), externalId, id));
            if (existing.isPresent()) {
                return new Submission(existing.get(), false);
            }
        }
        String text = clean(textOf(request));
        if (text.isEmpty()) {
            throw ProblemException.invalidField("text", "must not be blank");
        }
        if (text.length() > config.maxTextLength()) {
            throw ProblemException.invalidField("text", "must be at most " + config.maxTextLength() + " characters");
        }
        String title = request.title() == null ? null : clean(request.title());
        String classified = title == null || title.isEmpty() ? text : title + "\n" + text;
        Classification classification = classifier.classify(classified);

        Instant now = Instant.now();
        Instant receivedAt = request.receivedAt() == null || request.receivedAt().isAfter(now) ? now : request.receivedAt();
        String masked = masker.mask(text);
        // From the masked text: a signature is a hash of terms, and a phone number must not be one of them.
        int[] signature = TextSignature.of(masked);
        long similar = repository.countSimilarSince(classification.intent(), classification.topic(), now.minus(Duration.ofHours(24)),
                signature, priorityConfig.similarThreshold(), priorityConfig.similarCandidates());
        boolean publicPost = request.publicPost() == null || request.publicPost();
        Priority priority = scorer.score(new PriorityScorer.Input(classified, request.channel(), classification,
                request.customer(), request.rating(), request.survey(), publicPost, similar));
        boolean actionable = isActionable(classification.intent(), priority);

        Feedback feedback = new Feedback(id, request.channel(), externalId, text, masked,
                title == null ? null : masker.mask(title), classification, false, priority,
                actionable ? LoopStatus.PENDING : LoopStatus.NOT_ACTIONABLE, null, null, request.customer(),
                blankToNull(request.product()), request.rating(), request.survey(), details(request), receivedAt, now, now,
                actionable ? Delivery.pending(now) : null);
        if (!repository.insertIfAbsent(feedback, signature)) {
            // A concurrent submission of the same (channel, externalId) won the unique index: answer with its item.
            Feedback winner = repository.findByDedupKey(FeedbackRepository.dedupKey(request.channel(), externalId, id))
                    .orElseThrow(() -> ProblemException.conflict("the item was submitted concurrently; retry"));
            return new Submission(winner, false);
        }
        Log.infof("stored feedback %s channel=%s intent=%s priority=%s loop=%s", id, request.channel(),
                classification.intent(), priority.level(), feedback.loopStatus());
        if (actionable) {
            stored.fire(new ActionableStored(id));
        }
        return new Submission(feedback, true);
    }

    public Feedback get(String id) {
        return repository.findById(id).orElseThrow(() -> ProblemException.notFound("no feedback with id " + id));
    }

    /** One page of a filtered list, newest (or highest priority) first, and the cursor of the next page. */
    public record Page(List<Feedback> items, String nextCursor) {
    }

    public Page list(FeedbackQuery query) {
        List<Feedback> items = new java.util.ArrayList<>();
        repository.collection().find(query.filter()).projection(FeedbackRepository.ITEM_FIELDS).sort(query.order())
                .limit(query.limit() + 1)
                .forEach(d -> items.add(FeedbackRepository.fromDocument(d)));
        String next = null;
        if (items.size() > query.limit()) {
            items.remove(items.size() - 1);
            next = query.cursorAfter(items.get(items.size() - 1));
        }
        return new Page(items, next);
    }

    /**
     * Applies a person's correction: the labels change, the item leaves triage and its (masked)
     * text becomes a labelled example, which a background retraining picks up.
     */
    public Feedback correct(String id, CorrectionRequest correction) {
        if (correction.intent() == null && correction.topic() == null && correction.sentiment() == null) {
            throw ProblemException.badRequest("give at least one of intent, topic, sentiment");
        }
        if (correction.topic() != null && !classifierConfig.topics().contains(correction.topic())) {
            throw ProblemException.invalidField("topic", "must be one of " + classifierConfig.topics());
        }
        Feedback current = get(id);
        List<org.bson.conversions.Bson> sets = new java.util.ArrayList<>();
        if (correction.intent() != null) {
            sets.add(com.mongodb.client.model.Updates.set("intent", correction.intent().name()));
            sets.add(com.mongodb.client.model.Updates.set("intentConfidence", 1.0));
        }
        if (correction.topic() != null) {
            sets.add(com.mongodb.client.model.Updates.set("topic", correction.topic()));
            sets.add(com.mongodb.client.model.Updates.set("topicConfidence", 1.0));
        }
        if (correction.sentiment() != null) {
            sets.add(com.mongodb.client.model.Updates.set("sentiment", correction.sentiment().name()));
        }
        sets.add(com.mongodb.client.model.Updates.set("needsTriage", false));
        sets.add(com.mongodb.client.model.Updates.set("corrected", true));
        sets.add(com.mongodb.client.model.Updates.set("updatedAt", new java.util.Date()));
        repository.collection().updateOne(FeedbackRepository.byId(id), com.mongodb.client.model.Updates.combine(sets));
        Feedback updated = get(id);
        var c = updated.classification();
        // The example keeps the masked text: labelled data outlives the item and must not carry personal data.
        classifierService.learnFromCorrection(new dev.vocloop.feedback.classification.LabelledExample(current.textMasked(),
                c.language(), c.intent(), c.topic(), c.sentiment()));
        return updated;
    }

    private static final Map<String, String> STAT_FIELDS = Map.of("channel", "channel", "intent", "intent", "topic", "topic",
            "sentiment", "sentiment", "priority", "priority.level", "language", "language", "loopStatus", "loopStatus",
            "product", "product");

    /**
     * Counts by a dimension and period. Only the dimension and the time are read (a projection over
     * the receivedAt index), and the periods are cut in Java so that it works on any MongoDB.
     */
    public FeedbackStats stats(String dimension, String interval, Instant from, Instant to) {
        String field = STAT_FIELDS.get(dimension);
        if (field == null) {
            throw ProblemException.invalidField("dimension", "must be one of " + new java.util.TreeSet<>(STAT_FIELDS.keySet()));
        }
        if (!List.of("day", "week", "month").contains(interval)) {
            throw ProblemException.invalidField("interval", "must be day, week or month");
        }
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        Map<String, Map<String, Long>> byPeriod = new java.util.TreeMap<>();
        Map<String, Long> totals = new java.util.TreeMap<>();
        long[] total = {0};
        repository.collection().find(com.mongodb.client.model.Filters.and(
                        com.mongodb.client.model.Filters.gte("receivedAt", java.util.Date.from(start)),
                        com.mongodb.client.model.Filters.lt("receivedAt", java.util.Date.from(end))))
                .projection(com.mongodb.client.model.Projections.include("receivedAt", field))
                .forEach(d -> {
                    Object value = field.contains(".") ? d.get("priority", Document.class) == null ? null
                            : d.get("priority", Document.class).get("level") : d.get(field);
                    String key = value == null ? "UNKNOWN" : value.toString();
                    String period = period(d.getDate("receivedAt").toInstant(), interval);
                    byPeriod.computeIfAbsent(period, k -> new java.util.TreeMap<>()).merge(key, 1L, Long::sum);
                    totals.merge(key, 1L, Long::sum);
                    total[0]++;
                });
        List<FeedbackStats.Bucket> buckets = byPeriod.entrySet().stream().map(e -> new FeedbackStats.Bucket(e.getKey(),
                e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue())).toList();
        return new FeedbackStats(dimension, interval, start, end, total[0], totals, buckets);
    }

    private static String period(Instant at, String interval) {
        java.time.LocalDate day = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return switch (interval) {
            case "week" -> day.with(java.time.DayOfWeek.MONDAY).toString();
            case "month" -> day.withDayOfMonth(1).toString();
            default -> day.toString();
        };
    }

    /** Streams every item matching the filters (no paging), newest first, for CSV export. */
    public void forEachMatching(FeedbackQuery query, int max, java.util.function.Consumer<Feedback> action) {
        repository.collection().find(query.filter()).projection(FeedbackRepository.ITEM_FIELDS).sort(query.order())
                .limit(max)
                .forEach(d -> action.accept(FeedbackRepository.fromDocument(d)));
    }

    /** BUG, COMPLAINT and QUESTION need an answer from a team; anything P1/P2 too. */
    static boolean isActionable(Intent intent, Priority priority) {
        return intent == Intent.BUG || intent == Intent.COMPLAINT || intent == Intent.QUESTION || priority.isUrgent();
    }

    private static String textOf(FeedbackRequest request) {
        if (request.channel() == Channel.SUPPORT_CHAT && request.messages() != null && !request.messages().isEmpty()) {
            // The customer's words are the feedback; the agent's stay in the transcript as context.
            StringBuilder sb = new StringBuilder();
            for (ChatMessage m : request.messages()) {
                if ("CUSTOMER".equals(m.role())) {
                    sb.append(sb.isEmpty() ? "" : "\n").append(m.text());
                }
            }
            if (sb.isEmpty()) {
                throw ProblemException.invalidField("messages", "must contain at least one CUSTOMER message");
            }
            return sb.toString();
        }
        if (request.text() == null) {
            throw ProblemException.invalidField("text", "must not be null");
        }
        return request.text();
    }

    /** Removes control characters (keeping line breaks and tabs) and normalises Unicode, so lookalikes compare equal. */
    public static String clean(String s) {
        String normalized = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '\n' || c == '\t') {
                sb.append(c);
            } else if (c == '\r') {
                if (i + 1 >= normalized.length() || normalized.charAt(i + 1) != '\n') {
                    sb.append('\n');
                }
            } else if (!Character.isISOControl(c) && c != '\u200b' && c != '\ufeff' && Character.getType(c) != Character.UNASSIGNED) {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    private Map<String, Object> details(FeedbackRequest r) {
        Map<String, Object> d = new LinkedHashMap<>();
        putIf(d, "page", r.page());
        putIf(d, "appVersion", r.appVersion());
        putIf(d, "device", r.device());
        putIf(d, "store", r.store());
        putIf(d, "platform", r.platform());
        putIf(d, "url", r.url());
        putIf(d, "authorHandle", r.authorHandle());
        if (r.channel() == Channel.SOCIAL) {
            d.put("publicPost", r.publicPost() == null || r.publicPost());
        }
        if (r.messages() != null && !r.messages().isEmpty()) {
            List<Document> transcript = r.messages().stream().map(m -> new Document("role", m.role())
                    .append("text", masker.mask(clean(m.text()))).append("at", m.at() == null ? null : m.at().toString())).toList();
            d.put("transcript", transcript);
        }
        return d.isEmpty() ? null : d;
    }

    private static void putIf(Map<String, Object> d, String key, String value) {
        if (value != null && !value.isBlank()) {
            d.put(key, clean(value));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
