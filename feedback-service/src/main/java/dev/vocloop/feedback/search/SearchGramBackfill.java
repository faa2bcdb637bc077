package dev.vocloop.feedback.search;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.vocloop.feedback.items.FeedbackRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Gives items stored before {@code searchGrams} existed their grams, so that {@code q} finds them:
 * until then the {@code $all} on the grams leaves them out. Runs on the scheduler's thread right
 * after start (startup does not wait for it) and then every {@code feedback.search.backfill-interval},
 * which also catches items that a replica of the previous release wrote during a rolling update.
 * Replicas may run it at once: each writes the same grams, and only where they are still missing.
 */
@ApplicationScoped
public class SearchGramBackfill {

    /**
     * Missing (or null) grams. An equality with null is served by the search_grams index, whose entry for a
     * document without the field is null, so a run that finds nothing costs one index look-up, not a scan.
     */
    private static final Bson MISSING = Filters.eq(FeedbackRepository.SEARCH_GRAMS, null);

    private final MongoCollection<Document> collection;
    private final SearchConfig config;
    private volatile boolean stopped;

    public SearchGramBackfill(FeedbackRepository repository, SearchConfig config) {
        this.collection = repository.collection();
        this.config = config;
    }

    @Scheduled(every = "${feedback.search.backfill-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int filled = run();
            if (filled > 0) {
                Log.infof("search grams filled in for %d stored items", filled);
            }
        } catch (RuntimeException e) {
            // The store may be unreachable for a moment; the next run carries on where this one stopped.
            Log.warnf("search gram backfill failed: %s", e.toString());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    /**
     * Fills in the grams of every item without them, a batch at a time; answers how many it wrote. Each
     * batch sets the field on every item it read (an empty list when the text has no grams), so the next
     * batch reads others and the loop ends.
     */
    public int run() {
        int filled = 0;
        while (!stopped) {
            List<WriteModel<Document>> updates = new ArrayList<>();
            for (Document d : collection.find(MISSING).projection(Projections.include("textMasked")).limit(config.backfillBatchSize())) {
                // The masked text only, as at insert: personal data must not become searchable.
                updates.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", d.get("_id")), MISSING),
                        Updates.set(FeedbackRepository.SEARCH_GRAMS, SearchGrams.of(d.getString("textMasked")))));
            }
            if (updates.isEmpty()) {
                break;
            }
            filled += collection.bulkWrite(updates, new BulkWriteOptions().ordered(false)).getModifiedCount();
        }
        return filled;
    }
}
