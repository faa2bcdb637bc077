package dev.vocloop.feedback.loop;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.vocloop.feedback.items.FeedbackRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records the end of a loop on the feedback items of a ticket. Each Idempotency-Key is stored with
 * its first answer, so a late repeat of an old outcome answers the same and cannot undo a newer one.
 */
@ApplicationScoped
public class LoopOutcomeService {

    private final MongoCollection<Document> feedback;
    private final MongoCollection<Document> keys;

    public LoopOutcomeService(FeedbackRepository repository, MongoClient client,
                              @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.feedback = repository.collection();
        this.keys = client.getDatabase(database).getCollection("idempotency_keys");
    }

    /** Applies the outcome once per key; answers the number of items it applied to. */
    public long apply(String idempotencyKey, LoopOutcomeRequest request) {
        if (idempotencyKey != null) {
            Document seen = keys.find(Filters.eq("_id", "loop:" + idempotencyKey)).first();
            if (seen != null) {
                return seen.get("updated", Number.class).longValue();
            }
        }
        Instant at = request.at() == null ? Instant.now() : request.at();
        var update = Updates.combine(Updates.set("loopStatus", request.outcome()),
                Updates.set("loopOutcome", new Document("outcome", request.outcome()).append("ticketId", request.ticketId())
                        .append("rating", request.rating()).append("at", Date.from(at))),
                Updates.set("updatedAt", new Date()));
        long updated = feedback.updateMany(Filters.in("_id", request.feedbackIds()), update).getMatchedCount();
        if (idempotencyKey != null) {
            try {
                keys.insertOne(new Document("_id", "loop:" + idempotencyKey).append("updated", updated).append("createdAt", new Date()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        Log.infof("loop outcome %s applied to %d feedback items of ticket %s", request.outcome(), updated, request.ticketId());
        return updated;
    }
}
