package dev.vocloop.feedback.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.items.Channel;
import dev.vocloop.feedback.items.FeedbackRequest;
import dev.vocloop.feedback.items.FeedbackService;
import dev.vocloop.feedback.items.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports many items from one request, reading the body as a stream (JSON array, NDJSON or CSV)
 * so memory does not grow with the batch. Each item is validated and stored on its own: a rejected
 * item does not reject the others.
 */
@ApplicationScoped
public class BatchImportService {

    private static final Set<String> CSV_FIELDS = Set.of("externalId", "channel", "text", "title", "rating", "store",
            "appVersion", "product", "customerId", "customerEmail", "receivedAt", "platform", "url", "authorHandle", "device", "page");

    private final FeedbackService service;
    private final Validator validator;
    private final ObjectMapper json;
    private final IntakeConfig config;

    public BatchImportService(FeedbackService service, Validator validator, ObjectMapper json, IntakeConfig config) {
        this.service = service;
        this.validator = validator;
        this.json = json;
        this.config = config;
    }

    public BatchResult importJsonArray(InputStream body, Channel defaultChannel) throws IOException {
        List<BatchResult.Item> results = new ArrayList<>();
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("the body must be a JSON array of items");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw ProblemException.badRequest("the JSON array is not closed");
                }
                JsonNode node = json.readTree(parser);
                results.add(importOne(node, defaultChannel, results.size()));
            }
        } catch (JsonProcessingException e) {
            throw malformed(results, e);
        }
        return new BatchResult(results);
    }

    public BatchResult importNdjson(InputStream body, Channel defaultChannel) throws IOException {
        List<BatchResult.Item> results = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));
        String line;
        try {
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    results.add(BatchResult.Item.rejected("malformed JSON line"));
                    continue;
                }
                results.add(importOne(node, defaultChannel, results.size()));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ProblemException.badRequest("the body is not valid UTF-8 (after item " + results.size() + ")");
        }
        return new BatchResult(results);
    }

    public BatchResult importCsv(InputStream body, Channel defaultChannel) throws IOException {
        List<BatchResult.Item> results = new ArrayList<>();
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema).readValues(
                new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            while (rows.hasNextValue()) {
                Map<String, String> row;
                try {
                    row = rows.nextValue();
                } catch (RuntimeException | JsonProcessingException e) {
                    results.add(BatchResult.Item.rejected("malformed CSV row"));
                    continue;
                }
                results.add(importOne(csvRow(row), defaultChannel, results.size()));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ProblemException.badRequest("the body is not valid UTF-8 (after item " + results.size() + ")");
        } catch (JsonProcessingException e) {
            throw malformed(results, e);
        }
        return new BatchResult(results);
    }

    private ObjectNode csvRow(Map<String, String> row) {
        ObjectNode node = json.createObjectNode();
        ObjectNode customer = null;
        for (Map.Entry<String, String> e : row.entrySet()) {
            String value = e.getValue();
            if (value == null || value.isEmpty() || !CSV_FIELDS.contains(e.getKey())) {
                continue;
            }
            switch (e.getKey()) {
                case "customerId" -> (customer == null ? customer = node.putObject("customer") : customer).put("id", value);
                case "customerEmail" -> (customer == null ? customer = node.putObject("customer") : customer).put("email", value);
                case "rating" -> {
                    try {
                        node.put("rating", Integer.parseInt(value));
                    } catch (NumberFormatException ex) {
                        node.put("rating", -1);
                    }
                }
                default -> node.put(e.getKey(), value);
            }
        }
        return node;
    }

    private BatchResult.Item importOne(JsonNode node, Channel defaultChannel, int index) {
        if (index >= config.maxBatchItems()) {
            return BatchResult.Item.rejected("more than " + config.maxBatchItems() + " items in one batch");
        }
        if (!node.isObject()) {
            return BatchResult.Item.rejected("an item must be a JSON object");
        }
        if (defaultChannel != null && !node.hasNonNull("channel")) {
            ((ObjectNode) node).put("channel", defaultChannel.name());
        }
        FeedbackRequest request;
        try {
            request = json.treeToValue(node, FeedbackRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : null;
            return BatchResult.Item.rejected(field == null ? "invalid item" : field + ": invalid value");
        }
        Set<ConstraintViolation<FeedbackRequest>> violations = validator.validate(request);
        if (request.channel() == null) {
            return BatchResult.Item.rejected("channel: must not be null (give a channel column or ?channel=)");
        }
        if (!violations.isEmpty()) {
            return BatchResult.Item.rejected(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.joining("; ")));
        }
        try {
            FeedbackService.Submission s = service.submit(request);
            return s.created() ? BatchResult.Item.created(s.feedback().id()) : BatchResult.Item.duplicate(s.feedback().id());
        } catch (ProblemException e) {
            return BatchResult.Item.rejected(e.getMessage());
        }
    }

    private static ProblemException malformed(List<BatchResult.Item> results, JsonProcessingException e) {
        // Items before the damage are stored; say how far the body was readable so the client can resume.
        return ProblemException.badRequest("malformed body after item " + results.size() + " (" + results.size()
                + " items were processed): " + e.getOriginalMessage());
    }
}
