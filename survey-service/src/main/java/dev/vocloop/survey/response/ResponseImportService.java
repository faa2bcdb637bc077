package dev.vocloop.survey.response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.survey.contact.CustomerRef;
import dev.vocloop.survey.idempotency.IdempotencyService;
import dev.vocloop.survey.invitation.Invitation;
import dev.vocloop.survey.survey.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports answers given in the past, with the time they were given, so that trends start with the
 * history a team already has. They are stored like answers by token (same table, same segments) but
 * without an invitation, and they are not forwarded to feedback-service: they were acted on, or not,
 * when they were given, and a months-old comment must not open a ticket today.
 */
@ApplicationScoped
public class ResponseImportService {

    /** Answers accepted in one request; larger histories are sent in several. */
    static final int MAX_ITEMS = 10_000;

    /** What an import did. */
    public record ImportResult(String surveyId, int imported) {
    }

    private final IdempotencyService idempotency;
    private final ObjectMapper mapper;

    public ResponseImportService(IdempotencyService idempotency, ObjectMapper mapper) {
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    /** Stores every answer or none (one transaction); a repeated {@code Idempotency-Key} changes nothing. */
    @Transactional
    public IdempotencyService.StoredAnswer importAll(String surveyId, String idempotencyKey, List<ImportedResponse> answers) {
        String key = idempotencyKey == null ? null : "import:" + surveyId + ":" + idempotencyKey;
        if (key != null) {
            idempotency.lock(key);
            var earlier = idempotency.find(key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Survey survey = Survey.findById(surveyId);
        if (survey == null) {
            throw ProblemException.notFound("no survey with id " + surveyId);
        }
        if (answers.size() > MAX_ITEMS) {
            throw ProblemException.invalidField("body", "at most " + MAX_ITEMS + " answers per request");
        }
        Instant now = Instant.now();
        for (int i = 0; i < answers.size(); i++) {
            ImportedResponse a = answers.get(i);
            if (!survey.type.accepts(a.score())) {
                throw ProblemException.invalidField("[" + i + "].score", "must be between " + survey.type.min() + " and "
                        + survey.type.max() + " for a " + survey.type + " survey");
            }
            if (a.answeredAt().isAfter(now)) {
                throw ProblemException.invalidField("[" + i + "].answeredAt", "must not be in the future");
            }
            if (a.channel() != null && !isChannel(a.channel())) {
                throw ProblemException.invalidField("[" + i + "].channel", "must be one of EMAIL, LINK, IN_APP");
            }
        }
        for (ImportedResponse a : answers) {
            persist(survey, a);
        }
        ImportResult result = new ImportResult(survey.id, answers.size());
        if (key != null) {
            idempotency.remember(key, 201, result);
        }
        return new IdempotencyService.StoredAnswer(201, json(result));
    }

    private String json(ImportResult result) {
        try {
            return mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be serialised", e);
        }
    }

    private static void persist(Survey survey, ImportedResponse a) {
        CustomerRef c = a.customer();
        Map<String, String> attributes = c.attributes() == null ? Map.of() : c.attributes();
        SurveyResponse r = new SurveyResponse();
        r.id = Ids.newId();
        r.surveyId = survey.id;
        r.surveyType = survey.type;
        r.customerId = c.id();
        r.score = a.score();
        r.comment = a.comment() == null || a.comment().isBlank() ? null : a.comment().strip();
        r.channel = a.channel();
        // The same precedence as an invitation: explicit fields first, then the attributes.
        r.tier = c.tier() != null ? c.tier() : attributes.get("tier");
        r.lifecycleStage = c.lifecycleStage() != null ? c.lifecycleStage() : attributes.get("lifecycleStage");
        r.product = attributes.get("product");
        r.region = attributes.get("region");
        r.attributes = attributes.isEmpty() ? null : new HashMap<>(attributes);
        r.forwarded = false;
        r.createdAt = a.answeredAt();
        r.persist();
    }

    private static boolean isChannel(String channel) {
        for (Invitation.Channel c : Invitation.Channel.values()) {
            if (c.name().equals(channel)) {
                return true;
            }
        }
        return false;
    }
}
