package dev.vocloop.feedback.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.vocloop.commons.relay.Backoff;
import dev.vocloop.commons.relay.RelayLoop;
import dev.vocloop.feedback.items.ActionableStored;
import dev.vocloop.feedback.items.Delivery;
import dev.vocloop.feedback.items.Feedback;
import dev.vocloop.feedback.items.FeedbackRepository;
import dev.vocloop.feedback.items.LoopStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

/**
 * Delivers pending hand-overs to ticket-service at least once. Work is claimed with a lease taken
 * by {@code findOneAndUpdate}, so replicas never send the same item at the same time, and a claim
 * of a relay that died expires and is taken over. It runs right after a write (woken by
 * {@link ActionableStored}) and on a sweep, which also picks up retries whose backoff has passed,
 * on the shared {@link RelayLoop} with the shared {@link Backoff}.
 */
@ApplicationScoped
public class DeliveryRelay {

    private final MongoCollection<Document> collection;
    private final TicketClient tickets;
    private final DeliveryConfig config;
    private final Counter delivered;
    private final Counter failed;
    private final Counter retried;
    // One id per process: a lease names its owner so that only the owner may settle it.
    private final String owner = "relay-" + UUID.randomUUID();
    private final RelayLoop loop;

    public DeliveryRelay(FeedbackRepository repository, TicketClient tickets, DeliveryConfig config, MeterRegistry registry) {
        this.collection = repository.collection();
        this.tickets = tickets;
        this.config = config;
        this.delivered = Counter.builder("feedback.delivery.delivered").description("hand-overs acknowledged by ticket-service").register(registry);
        this.failed = Counter.builder("feedback.delivery.failed").description("hand-overs parked as FAILED").register(registry);
        this.retried = Counter.builder("feedback.delivery.retried").description("hand-over attempts that will be retried").register(registry);
        this.loop = new RelayLoop("feedback-delivery-relay", this::round);
    }

    void onStored(@Observes ActionableStored event) {
        wake();
    }

    @Scheduled(every = "${feedback.delivery.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.shutdown();
    }

    /** Drains due hand-overs on the relay thread; a wake during a drain is merged into one more drain. */
    public void wake() {
        loop.wake();
    }

    /** One round: sends due hand-overs, up to the batch size; answers how many were attempted. */
    int round() {
        int attempted = 0;
        Document claimed;
        while (!loop.isStopped() && attempted < config.batchSize() && (claimed = claim()) != null) {
            attempted++;
            send(FeedbackRepository.fromDocument(claimed));
        }
        return attempted;
    }

    private Document claim() {
        Instant now = Instant.now();
        Bson due = or(
                and(eq("delivery.state", Delivery.State.PENDING.name()), lte("delivery.nextAttemptAt", FeedbackRepository.date(now))),
                and(eq("delivery.state", Delivery.State.IN_FLIGHT.name()), lt("delivery.leaseUntil", FeedbackRepository.date(now))));
        Bson claim = Updates.combine(
                Updates.set("delivery.state", Delivery.State.IN_FLIGHT.name()),
                Updates.set("delivery.leaseOwner", owner),
                Updates.set("delivery.leaseUntil", FeedbackRepository.date(now.plus(config.lease()))),
                Updates.inc("delivery.attempts", 1));
        return collection.findOneAndUpdate(due, claim,
                new FindOneAndUpdateOptions().sort(Sorts.ascending("delivery.nextAttemptAt")).returnDocument(ReturnDocument.AFTER));
    }

    private void send(Feedback f) {
        int attempt = f.delivery().attempts();
        try {
            TicketAnswer answer = tickets.fromFeedback(f.id(), request(f));
            settleDelivered(f.id(), answer);
            delivered.increment();
            Log.infof("feedback %s handed over as ticket %s (attempt %d)", f.id(), answer.ticketId(), attempt);
        } catch (TicketRejectedException e) {
            park(f.id(), attempt, e.getMessage());
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            if (attempt >= config.maxAttempts()) {
                park(f.id(), attempt, error);
            } else {
                Instant next = Instant.now().plus(Backoff.next(attempt, config.initialBackoff(), config.maxBackoff()));
                settle(f.id(), Updates.combine(Updates.set("delivery.state", Delivery.State.PENDING.name()),
                        Updates.set("delivery.nextAttemptAt", FeedbackRepository.date(next)),
                        Updates.set("delivery.lastError", error)));
                retried.increment();
                Log.warnf("hand-over of feedback %s failed (attempt %d), retry at %s: %s", f.id(), attempt, next, error);
            }
        }
    }

    private void park(String id, int attempt, String error) {
        settle(id, Updates.combine(Updates.set("delivery.state", Delivery.State.FAILED.name()),
                Updates.set("delivery.lastError", error)));
        failed.increment();
        Log.errorf("hand-over of feedback %s parked as FAILED after %d attempts: %s", id, attempt, error);
    }

    private void settleDelivered(String id, TicketAnswer answer) {
        Instant now = Instant.now();
        Bson done = Updates.combine(Updates.set("delivery.state", Delivery.State.DELIVERED.name()),
                Updates.set("delivery.deliveredAt", FeedbackRepository.date(now)), Updates.set("delivery.lastError", null),
                Updates.set("ticketId", answer.ticketId()), Updates.set("team", answer.team()),
                Updates.set("updatedAt", FeedbackRepository.date(now)));
        // Only a still-pending loop becomes TICKET_OPEN: a loop outcome that arrived first must not be undone.
        UpdateResult r = collection.updateOne(and(mine(id), eq("loopStatus", LoopStatus.PENDING.name())),
                Updates.combine(done, Updates.set("loopStatus", LoopStatus.TICKET_OPEN.name())));
        if (r.getMatchedCount() == 0) {
            collection.updateOne(mine(id), done);
        }
    }

    private void settle(String id, Bson update) {
        collection.updateOne(mine(id), Updates.combine(update, Updates.set("delivery.leaseOwner", null),
                Updates.set("delivery.leaseUntil", null)));
    }

    /** The hand-over is still ours: a relay whose lease expired must not overwrite its successor's result. */
    private Bson mine(String id) {
        return and(eq("_id", id), eq("delivery.state", Delivery.State.IN_FLIGHT.name()), eq("delivery.leaseOwner", owner));
    }

    static TicketRequest request(Feedback f) {
        var c = f.classification();
        String summary = f.textMasked().length() <= 140 ? f.textMasked() : f.textMasked().substring(0, 139) + "…";
        return new TicketRequest(f.id(), f.channel().name(), c.language(), c.intent().name(), c.topic(),
                c.sentiment().name(), f.priority(), f.text(), f.textMasked(), summary, f.product(), f.customer(), f.receivedAt());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
