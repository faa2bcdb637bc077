package dev.vocloop.survey.response;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.survey.invitation.Invitation;
import dev.vocloop.survey.outbox.HandOver;
import dev.vocloop.survey.outbox.OutboxService;
import dev.vocloop.survey.support.Tokens;
import dev.vocloop.survey.survey.Survey;
import dev.vocloop.survey.survey.SurveyType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Takes survey answers by invitation token and forwards the ones worth acting on to
 * feedback-service as feedback of channel SURVEY, through the outbox in the same transaction.
 */
@ApplicationScoped
public class ResponseService {

    private static final Set<String> LIFECYCLE_STAGES = Set.of("new", "growing", "active", "high-value", "dormant");

    /** Body of the hand-over: the public feedback shape with channel SURVEY (CONTRACT.md). */
    public record SurveyFeedback(String channel, String externalId, String text, String product, Map<String, Object> customer,
                                 Instant receivedAt, SurveyScore survey) {
    }

    /** The score an answer carried. */
    public record SurveyScore(String surveyId, String type, int score) {
    }

    private final OutboxService outbox;

    public ResponseService(OutboxService outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public SurveyResponse answer(ResponseRequest request) {
        if (!Tokens.plausible(request.token())) {
            throw ProblemException.notFound("unknown survey link");
        }
        // The row lock turns a double submit into one answer and one 409.
        Invitation invitation = Invitation.<Invitation>find("token", request.token()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("unknown survey link"));
        if (invitation.status == Invitation.Status.ANSWERED) {
            throw ProblemException.conflict("this survey has already been answered");
        }
        Instant now = Instant.now();
        Survey survey = Survey.findById(invitation.surveyId);
        if (!now.isBefore(invitation.expiresAt) || survey.status == Survey.Status.CLOSED) {
            throw ProblemException.gone("this survey link has expired");
        }
        if (!survey.type.accepts(request.score())) {
            throw ProblemException.invalidField("score", "must be between " + survey.type.min() + " and " + survey.type.max()
                    + " for a " + survey.type + " survey");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();

        SurveyResponse r = new SurveyResponse();
        r.id = Ids.newId();
        r.surveyId = survey.id;
        r.surveyType = survey.type;
        r.invitationId = invitation.id;
        r.customerId = invitation.customerId;
        r.score = request.score();
        r.comment = comment;
        r.channel = invitation.channel.name();
        r.tier = invitation.tier;
        r.lifecycleStage = invitation.lifecycleStage;
        r.product = invitation.product;
        r.region = invitation.region;
        r.attributes = invitation.attributes;
        r.createdAt = now;
        r.forwarded = shouldForward(survey.type, r.score, comment);
        r.persist();
        invitation.status = Invitation.Status.ANSWERED;
        invitation.answeredAt = now;

        if (r.forwarded) {
            outbox.enqueue(HandOver.FEEDBACK_SURVEY_RESPONSE, null, "survey-response:" + r.id, feedback(r, invitation));
        }
        return r;
    }

    /** The survey behind an open invitation token, for the public survey page; same 404 / 409 / 410 as answering. */
    public SurveyForm form(String token) {
        if (!Tokens.plausible(token)) {
            throw ProblemException.notFound("unknown survey link");
        }
        Invitation invitation = Invitation.<Invitation>find("token", token).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("unknown survey link"));
        if (invitation.status == Invitation.Status.ANSWERED) {
            throw ProblemException.conflict("this survey has already been answered");
        }
        Survey survey = Survey.findById(invitation.surveyId);
        if (!Instant.now().isBefore(invitation.expiresAt) || survey.status == Survey.Status.CLOSED) {
            throw ProblemException.gone("this survey link has expired");
        }
        return new SurveyForm(survey.id, survey.type.name(), Survey.localized(survey.questions, invitation.customerLocale),
                Survey.localized(survey.followUpQuestions, invitation.customerLocale), survey.type.min(), survey.type.max(),
                invitation.expiresAt);
    }

    /** The forwarding rule: unhappy scores (NPS 0-6, CSAT 1-2, CES 5-7) and every answer with a comment. */
    public static boolean shouldForward(SurveyType type, int score, String comment) {
        return type.unhappy(score) || (comment != null && !comment.isBlank());
    }

    private static SurveyFeedback feedback(SurveyResponse r, Invitation invitation) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", invitation.customerId);
        if (invitation.customerEmail != null) {
            customer.put("email", invitation.customerEmail);
        }
        if (invitation.customerLocale != null) {
            customer.put("locale", invitation.customerLocale);
        }
        if (invitation.tier != null) {
            customer.put("tier", invitation.tier);
        }
        // feedback-service accepts only the known stages; another value would make it refuse the whole item.
        if (invitation.lifecycleStage != null && LIFECYCLE_STAGES.contains(invitation.lifecycleStage)) {
            customer.put("lifecycleStage", invitation.lifecycleStage);
        }
        if (invitation.attributes != null && !invitation.attributes.isEmpty()) {
            customer.put("attributes", invitation.attributes);
        }
        String text = r.comment != null ? r.comment : scoreOnly(r, invitation.customerLocale);
        return new SurveyFeedback("SURVEY", r.id, text, r.product, customer, r.createdAt,
                new SurveyScore(r.surveyId, r.surveyType.name(), r.score));
    }

    /** A text for an answer without comment, in the customer's language, so the item reads well in a queue. */
    private static String scoreOnly(SurveyResponse r, String locale) {
        int max = r.surveyType.max();
        return dev.vocloop.survey.contact.CustomerRef.isChinese(locale)
                ? r.surveyType + " 评分：" + r.score + "/" + max + "（未留言）"
                : r.surveyType + " score " + r.score + " of " + max + " (no comment)";
    }
}
