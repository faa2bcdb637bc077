package dev.vocloop.feedback.classification;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.vocloop.commons.Ids;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the labelled examples and the models in MongoDB, trains new models (on demand, or in the
 * background after corrections, never blocking ingestion) and makes every replica use the stored
 * current version.
 */
@ApplicationScoped
public class ClassifierService {

    /** What a training run produced. */
    public record TrainingResult(String version, int examples, int heldOut, Map<String, Object> quality, Instant trainedAt) {
    }

    // Once trained, the intent model also averages in multinomial naive Bayes (ClassifierConfig#intentNaiveBayes).
    private static final String ALGORITHM = "liblinear one-vs-rest logistic regression (intent: with naive Bayes once trained)";

    private final Classifier classifier;
    private final ClassifierConfig config;
    private final MongoCollection<Document> examples;
    private final MongoCollection<Document> models;
    private final Trainer trainer;
    private final ReentrantLock training = new ReentrantLock();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "classifier-training");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pendingRetrain;

    // The database name is Quarkus' own MongoDB setting (MONGODB_DATABASE), so it is read as such.
    public ClassifierService(Classifier classifier, ClassifierConfig config, MongoClient client,
                             @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.classifier = classifier;
        this.config = config;
        this.trainer = new Trainer(config, classifier.lexicon(), Trainer.readSeeds("classifier/seed-examples.txt"));
        this.examples = client.getDatabase(database).getCollection("classifier_examples");
        this.models = client.getDatabase(database).getCollection("classifier_models");
    }

    void onStart(@Observes StartupEvent event) {
        if (!loadCurrent()) {
            // Cold start: a model of the built-in seed examples only, kept in memory, not stored.
            Models seed = trainModels(List.of(), "seed");
            classifier.use(seed);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        background.shutdownNow();
    }

    /** The stored version last found unreadable, so that the warning is given once. */
    private volatile String unreadableVersion;

    /** Another replica may have trained: use the stored current version. */
    @Scheduled(every = "${feedback.classifier.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            loadCurrent();
        } catch (RuntimeException e) {
            Log.warnf("could not refresh the classifier model: %s", e.toString());
        }
    }

    private boolean loadCurrent() {
        Document state = models.find(Filters.eq("_id", "current")).first();
        if (state == null) {
            return false;
        }
        String version = state.getString("version");
        if (version.equals(classifier.version())) {
            return true;
        }
        Document stored = models.find(Filters.eq("_id", "model:" + version)).first();
        if (stored == null) {
            return false;
        }
        try {
            classifier.use(new Models(version, read(stored, "intent"), read(stored, "topic"), read(stored, "sentiment"),
                    state.getInteger("examples", 0)));
        } catch (UncheckedIOException e) {
            // A model stored by an older release in another format: keep the current one and retrain from the
            // stored examples in the background, once per version rather than at every refresh, so that an
            // upgrade does not leave a team on the cold-start model until someone retrains by hand.
            if (!version.equals(unreadableVersion)) {
                Log.warnf("classifier model %s is unreadable (%s); retraining from the stored examples", version, e.getMessage());
                unreadableVersion = version;
                retrainSoon();
            }
            return false;
        }
        Log.infof("classifier model %s in use", version);
        return true;
    }

    private static LabelModel read(Document stored, String label) {
        Binary bytes = stored.get(label, Binary.class);
        return bytes == null ? null : LabelModel.read(bytes.getData());
    }

    /** Imports labelled examples; the same text again replaces its labels. */
    public int addExamples(List<LabelledExample> items, String source) {
        for (LabelledExample e : items) {
            upsertExample(e, source);
        }
        return items.size();
    }

    void upsertExample(LabelledExample e, String source) {
        Document d = new Document("_id", hash(e.text())).append("text", e.text()).append("language", e.language())
                .append("intent", e.intent() == null ? null : e.intent().name()).append("topic", e.topic())
                .append("sentiment", e.sentiment() == null ? null : e.sentiment().name()).append("source", source)
                .append("createdAt", new Date());
        examples.replaceOne(Filters.eq("_id", d.getString("_id")), d, new ReplaceOptions().upsert(true));
    }

    /** A person corrected an item: keep it as an example and retrain soon, in the background. */
    public void learnFromCorrection(LabelledExample example) {
        upsertExample(example, "CORRECTION");
        retrainSoon();
    }

    /** Retrains in the background after the retrain delay; corrections that come meanwhile join that run. */
    private void retrainSoon() {
        synchronized (this) {
            if (pendingRetrain == null || pendingRetrain.isDone()) {
                pendingRetrain = background.schedule(() -> {
                    try {
                        train();
                    } catch (RuntimeException e) {
                        Log.errorf(e, "background retraining failed");
                    }
                }, config.retrainDelay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Measures a model trained without the held-back examples, then trains the one put in use on all of
     * them (held-back ones too: every labelled example helps, and the quality reported is that of a model
     * that has not seen what it is measured on). Stores it and answers with that quality.
     */
    public TrainingResult train() {
        training.lock();
        try {
            List<LabelledExample> all = new ArrayList<>();
            examples.find().forEach(d -> all.add(new LabelledExample(d.getString("text"), d.getString("language"),
                    d.getString("intent") == null ? null : Intent.valueOf(d.getString("intent")), d.getString("topic"),
                    d.getString("sentiment") == null ? null : Sentiment.valueOf(d.getString("sentiment")))));
            List<LabelledExample> train = new ArrayList<>();
            List<LabelledExample> held = new ArrayList<>();
            for (LabelledExample e : all) {
                (Math.floorMod(hash(e.text()).hashCode(), config.holdOutEvery()) == 0 ? held : train).add(e);
            }
            String version = Ids.newId();
            Models measured = trainModels(train, version);
            Map<String, Object> quality = measure(measured, held);
            Models next = held.isEmpty() ? measured : trainModels(all, version);
            Instant now = Instant.now();
            Document stored = new Document("_id", "model:" + version).append("createdAt", Date.from(now));
            putModel(stored, "intent", next.intent());
            putModel(stored, "topic", next.topic());
            putModel(stored, "sentiment", next.sentiment());
            models.replaceOne(Filters.eq("_id", stored.getString("_id")), stored, new ReplaceOptions().upsert(true));
            models.replaceOne(Filters.eq("_id", "current"), new Document("_id", "current").append("version", version)
                    .append("examples", all.size()).append("heldOut", held.size()).append("quality", new Document(quality))
                    .append("trainedAt", Date.from(now)).append("algorithm", ALGORITHM), new ReplaceOptions().upsert(true));
            // Older versions are no longer needed by any replica once "current" points past them.
            models.deleteMany(Filters.and(Filters.regex("_id", "^model:"), Filters.ne("_id", "model:" + version)));
            classifier.use(next);
            Log.infof("classifier model %s trained on %d examples (measured on %d held back)", version, all.size(), held.size());
            return new TrainingResult(version, all.size(), held.size(), quality, now);
        } finally {
            training.unlock();
        }
    }

    private static void putModel(Document stored, String label, LabelModel model) {
        if (model != null) {
            stored.append(label, new Binary(model.bytes()));
        }
    }

    Models trainModels(List<LabelledExample> userExamples, String version) {
        return trainer.train(userExamples, version);
    }

    /** Accuracy and per-label precision / recall / F1 of the combined classifier on held-back examples. */
    private Map<String, Object> measure(Models m, List<LabelledExample> held) {
        Map<String, Object> quality = new LinkedHashMap<>();
        Quality intent = new Quality();
        Quality topic = new Quality();
        Quality sentiment = new Quality();
        for (LabelledExample e : held) {
            Classification c = classifier.classify(e.text(), m);
            if (e.intent() != null) {
                intent.add(e.intent().name(), c.intent().name());
            }
            if (e.topic() != null) {
                topic.add(e.topic(), c.topic());
            }
            if (e.sentiment() != null) {
                sentiment.add(e.sentiment().name(), c.sentiment().name());
            }
        }
        quality.put("intent", intent.summary());
        quality.put("topic", topic.summary());
        quality.put("sentiment", sentiment.summary());
        return quality;
    }

    public long exampleCount() {
        return examples.countDocuments();
    }

    /** What GET /api/v1/classifier shows. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        Document state = models.find(Filters.eq("_id", "current")).first();
        out.put("version", classifier.version());
        out.put("examples", examples.countDocuments());
        out.put("seedExamples", trainer.seeds().size());
        Map<String, Object> labels = new LinkedHashMap<>();
        for (String field : List.of("intent", "topic", "sentiment", "language")) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            examples.aggregate(List.of(Aggregates.match(Filters.ne(field, null)),
                            Aggregates.group("$" + field, Accumulators.sum("n", 1))))
                    .forEach(d -> counts.put(String.valueOf(d.get("_id")), d.getInteger("n")));
            labels.put(field, counts);
        }
        out.put("labels", labels);
        out.put("algorithm", ALGORITHM);
        if (state != null) {
            out.put("trainedAt", state.getDate("trainedAt").toInstant());
            out.put("trainedOn", state.getInteger("examples"));
            out.put("heldOut", state.getInteger("heldOut"));
            out.put("quality", state.get("quality"));
        }
        return out;
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts of a confusion between gold and predicted labels. */
    static final class Quality {
        private final Map<String, int[]> perLabel = new LinkedHashMap<>(); // tp, fp, fn
        private int n;
        private int correct;

        void add(String gold, String predicted) {
            n++;
            if (gold.equals(predicted)) {
                correct++;
                perLabel.computeIfAbsent(gold, k -> new int[3])[0]++;
            } else {
                perLabel.computeIfAbsent(predicted, k -> new int[3])[1]++;
                perLabel.computeIfAbsent(gold, k -> new int[3])[2]++;
            }
        }

        Document summary() {
            Document labels = new Document();
            perLabel.forEach((label, c) -> {
                double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
                double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
                double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
                labels.append(label, new Document("precision", Classifier.round(p)).append("recall", Classifier.round(r))
                        .append("f1", Classifier.round(f)).append("support", c[0] + c[2]));
            });
            return new Document("n", n).append("accuracy", n == 0 ? null : Classifier.round((double) correct / n))
                    .append("labels", labels);
        }
    }
}
