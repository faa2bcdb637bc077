package dev.vocloop.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateData;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Invitations from an uploaded CSV: the file is checked (an {@code id} column, at least one row),
 * then streamed in the background to {@code POST /api/v1/surveys/{id}/invitations} in batches, so
 * a list of any length stays within survey-service's limit per request and the page can show the
 * progress while it runs. Jobs live in this gateway's memory, like the sessions, visible only to
 * the session that started them, and are forgotten an hour after the last look.
 */
@ApplicationScoped
public class InvitationImports {

    /** The CustomerRef fields of CONTRACT.md; any other column becomes a customer attribute. */
    private static final Map<String, String> FIELDS = Map.of("id", "id", "customerid", "id", "email", "email", "name", "name",
            "locale", "locale", "tier", "tier", "lifecyclestage", "lifecycleStage", "lifecycle_stage", "lifecycleStage");
    /** survey-service's limit of attributes per customer. */
    private static final int MAX_ATTRIBUTES = 50;
    /** Answers worth another try: unreachable, rate limited, or the service briefly unavailable. */
    private static final List<Integer> RETRY = List.of(0, 429, 502, 503, 504);
    private static final int ATTEMPTS = 3;
    private static final int MAX_ERRORS = 20;
    /**
     * A batch is also sent once its customers' texts reach this many characters, so that rows with
     * many long attributes stay below the gateway's own 1 MB default body limit (a Chinese character
     * is 3 bytes in UTF-8).
     */
    private static final int MAX_BATCH_CHARS = 250_000;

    private final ConsoleApi api;
    private final ConsoleConfig config;
    private final ObjectReader rows;
    private final Cache<String, Job> jobs = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(1000).build();
    /** Two at a time: an upload must not take the gateway's threads from the API traffic. */
    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-invitations");
        t.setDaemon(true);
        return t;
    });

    public InvitationImports(ConsoleApi api, ConsoleConfig config) {
        this.api = api;
        this.config = config;
        CsvMapper mapper = new CsvMapper();
        this.rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .with(CsvParser.Feature.TRIM_SPACES)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES);
    }

    /**
     * Checks the file and starts sending it. The file becomes the job's: it is deleted when the job
     * ends. A file without an {@code id} column or without rows is a 400 page, and nothing is sent.
     */
    public Job start(ConsoleSession session, String surveyId, String channel, Path file) {
        int total;
        try {
            total = count(file);
        } catch (RuntimeException | IOException e) {
            delete(file);
            throw e instanceof ConsoleException ce ? ce : new ConsoleException(400, "error_csv_unreadable", null);
        }
        Job job = new Job(SessionStore.randomToken(), session.id(), surveyId, channel, total);
        jobs.put(job.id(), job);
        runner.submit(() -> run(session, job, file));
        return job;
    }

    /** The job, if it exists and the session started it. */
    public Optional<Job> find(ConsoleSession session, String id) {
        Job job = id == null ? null : jobs.getIfPresent(id);
        return job != null && job.sessionId.equals(session.id()) ? Optional.of(job) : Optional.empty();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private int count(Path file) throws IOException {
        int n = 0;
        try (MappingIterator<Map<String, String>> it = rows.readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                if (n == 0 && row.keySet().stream().map(InvitationImports::column).noneMatch("id"::equals)) {
                    throw new ConsoleException(400, "error_csv_no_id", null);
                }
                n++;
            }
        }
        if (n == 0) {
            throw new ConsoleException(400, "error_csv_empty", null);
        }
        return n;
    }

    private void run(ConsoleSession session, Job job, Path file) {
        int row = 1; // the header is row 1, as a spreadsheet numbers them
        try (MappingIterator<Map<String, String>> it = rows.readValues(file.toFile())) {
            List<Map<String, Object>> batch = new ArrayList<>();
            int chars = 0;
            int first = 2;
            while (it.hasNext() && !job.stopped) {
                Map<String, String> values = it.next();
                row++;
                Map<String, Object> customer = customer(values);
                if (customer == null) {
                    job.rejected.incrementAndGet();
                    job.error(row, row, "import_row_no_id", null);
                    continue;
                }
                batch.add(customer);
                chars += size(values);
                if (batch.size() >= config.invitationBatchSize() || chars >= MAX_BATCH_CHARS) {
                    send(session, job, batch, first, row);
                    batch = new ArrayList<>();
                    chars = 0;
                    first = row + 1;
                }
            }
            if (!batch.isEmpty() && !job.stopped) {
                send(session, job, batch, first, row);
            }
        } catch (IOException | RuntimeException e) {
            // Only the kind of failure: the rows are customers' data.
            Log.warnf("console: invitation CSV for survey %s stopped at row %d: %s", job.surveyId, row, e.getClass().getSimpleName());
            job.error(row + 1, row + 1, "error_csv_unreadable", null);
            job.stopped = true;
        } finally {
            delete(file);
            job.finished = true;
            Log.infof("console: invitations for survey %s: %d rows, %d invited, %d skipped, %d failed, %d rejected", job.surveyId,
                    job.total, job.invited.get(), job.skipped.get(), job.failed.get(), job.rejected.get());
        }
    }

    private void send(ConsoleSession session, Job job, List<Map<String, Object>> batch, int fromRow, int toRow) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", job.channel);
        body.put("customers", batch);
        ApiResult result = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            result = api.post(session, "/api/v1/surveys/" + job.surveyId + "/invitations", body);
            if (!RETRY.contains(result.status()) || attempt == ATTEMPTS) {
                break;
            }
            pause(result, attempt);
        }
        if (result.ok()) {
            int answered = 0;
            for (JsonNode item : result.body().path("items")) {
                answered++;
                if ("INVITED".equals(Views.str(item, "status"))) {
                    job.invited.incrementAndGet();
                } else {
                    job.skipped.incrementAndGet();
                    job.reasons.merge(Views.str(item, "reason"), 1, Integer::sum);
                }
            }
            // An answer without an item per customer: those customers' outcome is unknown.
            job.failed.addAndGet(Math.max(0, batch.size() - answered));
        } else {
            job.failed.addAndGet(batch.size());
            if (result.status() == 401 || result.status() == 403) {
                // The key was revoked (or lost its role) meanwhile: the rest would fail the same way.
                job.stopped = true;
            }
            ConsoleException e = ConsoleException.fromApi(result);
            job.error(fromRow, toRow, e.messageKey(), e.detail());
        }
        job.sent.addAndGet(batch.size());
    }

    private static void pause(ApiResult result, int attempt) {
        long millis = 500L * attempt;
        if (result.retryAfter() != null && result.retryAfter().matches("\\d{1,3}")) {
            millis = Math.max(millis, Long.parseLong(result.retryAfter()) * 1000);
        }
        try {
            Thread.sleep(Math.min(millis, 30_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A CSV row as a CONTRACT.md customer, {@code null} without an id. */
    static Map<String, Object> customer(Map<String, String> values) {
        Map<String, Object> customer = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            String field = FIELDS.get(column(name));
            if (field != null) {
                customer.putIfAbsent(field, value.strip());
            } else if (attributes.size() < MAX_ATTRIBUTES && !name.isBlank()) {
                attributes.put(name.replace("\uFEFF", "").strip(), value.strip());
            }
        });
        if (!customer.containsKey("id")) {
            return null;
        }
        if (!attributes.isEmpty()) {
            customer.put("attributes", attributes);
        }
        return customer;
    }

    /** About the characters a row adds to the JSON body: names, values and quotes. */
    private static int size(Map<String, String> values) {
        int n = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            n += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length()) + 8;
        }
        return n;
    }

    /** A header as matched against the known fields: no byte-order mark (Excel writes one), no case. */
    private static String column(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of one upload, read by the progress fragment while the runner thread changes it. */
    @TemplateData
    public static final class Job {
        private final String id;
        private final String sessionId;
        private final String surveyId;
        private final String channel;
        private final int total;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger invited = new AtomicInteger();
        private final AtomicInteger skipped = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger rejected = new AtomicInteger();
        private final Map<String, Integer> reasons = new ConcurrentHashMap<>();
        private final List<RowError> errors = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stopped;
        private volatile boolean finished;

        Job(String id, String sessionId, String surveyId, String channel, int total) {
            this.id = id;
            this.sessionId = sessionId;
            this.surveyId = surveyId;
            this.channel = channel;
            this.total = total;
        }

        void error(int fromRow, int toRow, String messageKey, String detail) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new RowError(fromRow, toRow, messageKey, detail));
            }
        }

        public String id() {
            return id;
        }

        public String surveyId() {
            return surveyId;
        }

        public String channel() {
            return channel;
        }

        public int total() {
            return total;
        }

        /** Rows dealt with: sent (whatever the answer) or rejected for want of an id. */
        public int done() {
            return Math.min(total, sent.get() + rejected.get());
        }

        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(100.0 * done() / total);
        }

        public int invited() {
            return invited.get();
        }

        public int skipped() {
            return skipped.get();
        }

        public int failed() {
            return failed.get();
        }

        public int rejected() {
            return rejected.get();
        }

        public boolean finished() {
            return finished;
        }

        /** Ended early: unreadable file or a refused key. */
        public boolean stopped() {
            return stopped;
        }

        /** Why customers were skipped, most frequent first. */
        public List<Reason> reasons() {
            return reasons.entrySet().stream().map(e -> new Reason(e.getKey(), "skip_" + e.getKey(), e.getValue()))
                    .sorted((a, b) -> Integer.compare(b.count(), a.count())).toList();
        }

        public List<RowError> errors() {
            synchronized (errors) {
                return List.copyOf(errors);
            }
        }

        @Override
        public String toString() {
            return "Job[id=" + id + ", survey=" + surveyId + "]";
        }
    }

    /** A reason survey-service gave for skipping customers (CONTACT_BUDGET, OPTED_OUT...), with its label's key. */
    @TemplateData
    public record Reason(String code, String messageKey, int count) {
    }

    /** What went wrong for rows {@code fromRow}..{@code toRow}: a console sentence and the API's detail. */
    @TemplateData
    public record RowError(int fromRow, int toRow, String messageKey, String detail) {
        public boolean oneRow() {
            return fromRow == toRow;
        }
    }
}
