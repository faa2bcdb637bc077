package dev.vocloop.survey.survey;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Survey definitions: create, change, close, delete. */
@ApplicationScoped
public class SurveyService {

    @Transactional
    public Survey create(SurveyRequest request) {
        checkLocales(request);
        Survey survey = new Survey();
        survey.id = Ids.newId();
        survey.type = request.type();
        survey.createdAt = Instant.now();
        apply(survey, request, request.status() == null ? Survey.Status.ACTIVE : request.status());
        survey.persist();
        return survey;
    }

    /** Replaces name, wording and status; the type cannot change once answers may exist. */
    @Transactional
    public Survey update(String id, SurveyRequest request) {
        checkLocales(request);
        Survey survey = get(id);
        if (request.type() != survey.type) {
            throw ProblemException.conflict("the type of a survey cannot change (it is " + survey.type + ")");
        }
        if (survey.status == Survey.Status.CLOSED && request.status() != null && request.status() != Survey.Status.CLOSED) {
            throw ProblemException.conflict("a closed survey cannot be reopened; create a new one");
        }
        apply(survey, request, request.status() == null ? survey.status : request.status());
        return survey;
    }

    /** Deletes a survey nobody was invited to; one with invitations can only be closed. */
    @Transactional
    public void delete(String id) {
        Survey survey = get(id);
        long invited = Survey.getEntityManager()
                .createQuery("select count(i) from Invitation i where i.surveyId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (invited > 0) {
            throw ProblemException.conflict("the survey has invitations; close it instead (status CLOSED)");
        }
        survey.delete();
    }

    public Survey get(String id) {
        Survey survey = Survey.findById(id);
        if (survey == null) {
            throw ProblemException.notFound("no survey " + id);
        }
        return survey;
    }

    public List<Survey> list(Survey.Status status, SurveyType type) {
        if (status != null && type != null) {
            return Survey.list("status = ?1 and type = ?2 order by id desc", status, type);
        }
        if (status != null) {
            return Survey.list("status = ?1 order by id desc", status);
        }
        if (type != null) {
            return Survey.list("type = ?1 order by id desc", type);
        }
        return Survey.list("order by id desc");
    }

    private static void apply(Survey survey, SurveyRequest request, Survey.Status status) {
        survey.name = request.name();
        survey.questions = request.questions();
        survey.followUpQuestions = request.followUpQuestions();
        survey.status = status;
        survey.updatedAt = Instant.now();
    }

    private static void checkLocales(SurveyRequest request) {
        // Both languages are first-class: a survey must be askable in each.
        if (!request.questions().containsKey("zh-CN") || !request.questions().containsKey("en")) {
            throw ProblemException.invalidField("questions", "must contain at least zh-CN and en");
        }
    }
}
