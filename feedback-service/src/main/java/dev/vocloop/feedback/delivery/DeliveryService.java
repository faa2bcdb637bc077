package dev.vocloop.feedback.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.items.Delivery;
import dev.vocloop.feedback.items.FeedbackRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** What admins can do with hand-overs: list them by state and send parked ones again. */
@ApplicationScoped
public class DeliveryService {

    /** One hand-over as admins see it (no feedback text: it may carry personal data). */
    public record DeliveryView(String feedbackId, String state, int attempts, Instant nextAttemptAt, String lastError,
                               Instant deliveredAt, String ticketId, String loopStatus) {
    }

    private final MongoCollection<Document> collection;
    private final DeliveryRelay relay;

    public DeliveryService(FeedbackRepository repository, DeliveryRelay relay) {
        this.collection = repository.collection();
        this.relay = relay;
    }

    public List<DeliveryView> list(Delivery.State state, String afterId, int limit) {
        var filter = afterId == null ? Filters.eq("delivery.state", state.name())
                : Filters.and(Filters.eq("delivery.state", state.name()), Filters.gt("_id", afterId));
        List<DeliveryView> out = new ArrayList<>();
        collection.find(filter).sort(Sorts.ascending("_id")).limit(limit).forEach(d -> out.add(view(d)));
        return out;
    }

    /** Puts a parked hand-over back in the queue with a fresh attempt budget and wakes the relay. */
    public DeliveryView retry(String feedbackId) {
        Document updated = collection.findOneAndUpdate(
                Filters.and(Filters.eq("_id", feedbackId), Filters.eq("delivery.state", Delivery.State.FAILED.name())),
                Updates.combine(Updates.set("delivery.state", Delivery.State.PENDING.name()),
                        Updates.set("delivery.attempts", 0),
                        Updates.set("delivery.nextAttemptAt", FeedbackRepository.date(Instant.now()))),
                new com.mongodb.client.model.FindOneAndUpdateOptions().returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        if (updated == null) {
            Document existing = collection.find(Filters.eq("_id", feedbackId)).first();
            if (existing == null) {
                throw ProblemException.notFound("no feedback with id " + feedbackId);
            }
            throw ProblemException.conflict("the hand-over of feedback " + feedbackId + " is not FAILED");
        }
        relay.wake();
        return view(updated);
    }

    private static DeliveryView view(Document d) {
        Delivery delivery = FeedbackRepository.delivery(d.get("delivery", Document.class));
        return new DeliveryView(d.getString("_id"), delivery == null ? null : delivery.state().name(),
                delivery == null ? 0 : delivery.attempts(), delivery == null ? null : delivery.nextAttemptAt(),
                delivery == null ? null : delivery.lastError(), delivery == null ? null : delivery.deliveredAt(),
                d.getString("ticketId"), d.getString("loopStatus"));
    }
}
