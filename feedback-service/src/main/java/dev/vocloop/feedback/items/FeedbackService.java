package dev.vocloop.feedback.items;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.classification.Classification;
import dev.vocloop.feedback.classification.Classifier;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.priority.Priority;
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

    public FeedbackService(FeedbackRepository repository, Classifier classifier, PriorityScorer scorer, PiiMasker masker,
                           IntakeConfig config, Event<ActionableStored> stored) {
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
        long similar = repository.countSimilarSince(classification.intent(), classification.topic(), now.minus(Duration.ofHours(24)));
        boolean publicPost = request.publicPost() == null || request.publicPost();
        Priority priority = scorer.score(new PriorityScorer.Input(classified, request.channel(), classification,
                request.customer(), request.rating(), request.survey(), publicPost, similar));
        boolean actionable = isActionable(classification.intent(), priority);

        Feedback feedback = new Feedback(id, request.channel(), externalId, text, masker.mask(text),
                title == null ? null : masker.mask(title), classification, false, priority,
                actionable ? LoopStatus.PENDING : LoopStatus.NOT_ACTIONABLE, null, null, request.customer(),
                blankToNull(request.product()), request.rating(), request.survey(), details(request), receivedAt, now, now,
                actionable ? Delivery.pending(now) : null);
        if (!repository.insertIfAbsent(feedback)) {
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
        repository.collection().find(query.filter()).sort(query.order()).limit(query.limit() + 1)
                .forEach(d -> items.add(FeedbackRepository.fromDocument(d)));
        String next = null;
        if (items.size() > query.limit()) {
            items.remove(items.size() - 1);
            next = query.cursorAfter(items.get(items.size() - 1));
        }
        return new Page(items, next);
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
