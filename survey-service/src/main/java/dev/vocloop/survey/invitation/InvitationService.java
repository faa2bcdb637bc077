package dev.vocloop.survey.invitation;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.survey.config.SurveyConfig;
import dev.vocloop.survey.contact.Contact;
import dev.vocloop.survey.contact.ContactService;
import dev.vocloop.survey.contact.CustomerRef;
import dev.vocloop.survey.mail.MailQueue;
import dev.vocloop.survey.mail.OutgoingMail;
import dev.vocloop.survey.support.Tokens;
import dev.vocloop.survey.survey.Survey;
import dev.vocloop.survey.survey.SurveyService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invites customers to a survey under the one contact budget per customer, never writing to
 * anyone who opted out; e-mail invitations are queued in the same transaction.
 */
@ApplicationScoped
public class InvitationService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final SurveyConfig config;
    private final SurveyService surveys;
    private final ContactService contacts;
    private final MailQueue mail;

    public InvitationService(SurveyConfig config, SurveyService surveys, ContactService contacts, MailQueue mail) {
        this.config = config;
        this.surveys = surveys;
        this.contacts = contacts;
        this.mail = mail;
    }

    @Transactional
    public InvitationResult invite(String surveyId, InvitationRequest request) {
        Survey survey = surveys.get(surveyId);
        if (survey.status != Survey.Status.ACTIVE) {
            throw ProblemException.conflict("the survey is " + survey.status + "; only ACTIVE surveys take invitations");
        }
        if (request.customers().size() > config.invitations().maxCustomersPerRequest()) {
            throw ProblemException.invalidField("customers", "at most " + config.invitations().maxCustomersPerRequest() + " per request");
        }
        Instant now = Instant.now();
        Set<String> seen = new HashSet<>();
        List<InvitationResult.Item> items = new ArrayList<>(request.customers().size());
        int invited = 0;
        for (CustomerRef customer : request.customers()) {
            if (!seen.add(customer.id())) {
                items.add(skipped(customer, "DUPLICATE_IN_REQUEST"));
                continue;
            }
            boolean hasEmail = customer.email() != null && !customer.email().isBlank();
            if (request.channel() == Invitation.Channel.EMAIL && !hasEmail) {
                items.add(skipped(customer, "NO_EMAIL"));
                continue;
            }
            Contact contact = contacts.remember(customer);
            if (contact.optedOut()) {
                items.add(skipped(customer, "OPTED_OUT"));
                continue;
            }
            if (!contacts.spendContactBudget(customer.id(), now)) {
                items.add(skipped(customer, "CONTACT_BUDGET"));
                continue;
            }
            Invitation invitation = create(survey, customer, request.channel(), now);
            invited++;
            if (request.channel() == Invitation.Channel.EMAIL) {
                queueMail(survey, invitation, customer, contact);
                items.add(new InvitationResult.Item(customer.id(), "INVITED", invitation.id, null, null, null));
            } else {
                items.add(new InvitationResult.Item(customer.id(), "INVITED", invitation.id, invitation.token, url(invitation), null));
            }
        }
        Log.infof("survey %s: %d of %d customers invited by %s", survey.id, invited, request.customers().size(), request.channel());
        return new InvitationResult(items);
    }

    private static InvitationResult.Item skipped(CustomerRef customer, String reason) {
        return new InvitationResult.Item(customer.id(), "SKIPPED", null, null, null, reason);
    }

    private Invitation create(Survey survey, CustomerRef customer, Invitation.Channel channel, Instant now) {
        Invitation i = new Invitation();
        i.id = Ids.newId();
        i.surveyId = survey.id;
        i.customerId = customer.id();
        i.customerEmail = customer.email();
        i.customerLocale = customer.locale();
        Map<String, String> attributes = customer.attributes() == null ? Map.of() : customer.attributes();
        i.tier = first(customer.tier(), attributes.get("tier"));
        i.lifecycleStage = first(customer.lifecycleStage(), attributes.get("lifecycleStage"));
        i.product = attributes.get("product");
        i.region = attributes.get("region");
        i.attributes = attributes.isEmpty() ? null : new HashMap<>(attributes);
        i.channel = channel;
        i.token = Tokens.newToken();
        i.status = Invitation.Status.INVITED;
        i.createdAt = now;
        i.expiresAt = now.plus(config.invitations().expiryDays(), ChronoUnit.DAYS);
        i.persist();
        return i;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private void queueMail(Survey survey, Invitation invitation, CustomerRef customer, Contact contact) {
        boolean chinese = customer.chinese();
        Map<String, Object> data = new HashMap<>();
        data.put("subject", chinese ? "邀请您参与一个简短的调查" : "A quick question for you");
        data.put("name", customer.name());
        data.put("question", Survey.localized(survey.questions, customer.locale()));
        data.put("min", survey.type.min());
        data.put("max", survey.type.max());
        data.put("answerUrl", url(invitation));
        data.put("expiresOn", DAY.format(invitation.expiresAt));
        String unsubscribe = contacts.unsubscribeUrl(contact);
        data.put("unsubscribeUrl", contacts.unsubscribePageUrl(contact));
        mail.enqueue(customer.email(), mail.render("survey", chinese, data), unsubscribe, null, invitation.id);
    }

    String url(Invitation invitation) {
        return config.publicBaseUrl() + "/survey/" + invitation.token;
    }

    /** Invitations of a survey with their mail state, oldest first. */
    public List<InvitationView> list(String surveyId, String after, int limit) {
        surveys.get(surveyId);
        List<Invitation> found = after == null
                ? Invitation.find("surveyId = ?1 order by id", surveyId).page(0, limit).list()
                : Invitation.find("surveyId = ?1 and id > ?2 order by id", surveyId, after).page(0, limit).list();
        List<InvitationView> views = new ArrayList<>(found.size());
        for (Invitation i : found) {
            OutgoingMail m = i.channel == Invitation.Channel.EMAIL
                    ? OutgoingMail.<OutgoingMail>find("invitationId = ?1 order by createdAt desc", i.id).firstResult() : null;
            views.add(new InvitationView(i.id, i.surveyId, i.customerId, i.channel.name(), i.status.name(), i.createdAt,
                    i.expiresAt, i.answeredAt, m == null ? null : new InvitationView.MailState(m.status.name(), m.attempts, m.lastError)));
        }
        return views;
    }

    /** Open in-app surveys of a customer for the app widget; nothing for a customer who opted out. */
    public List<PendingSurvey> pending(String customerId) {
        if (contacts.find(customerId).map(Contact::optedOut).orElse(false)) {
            return List.of();
        }
        List<Invitation> open = Invitation.list("customerId = ?1 and channel = ?2 and status = ?3 and expiresAt > ?4 order by id desc",
                customerId, Invitation.Channel.IN_APP, Invitation.Status.INVITED, Instant.now());
        List<PendingSurvey> result = new ArrayList<>();
        for (Invitation i : open) {
            Survey s = Survey.findById(i.surveyId);
            if (s == null || s.status != Survey.Status.ACTIVE) {
                continue;
            }
            result.add(new PendingSurvey(i.id, s.id, s.type.name(), Survey.localized(s.questions, i.customerLocale),
                    Survey.localized(s.followUpQuestions, i.customerLocale), s.type.min(), s.type.max(), i.token, url(i), i.expiresAt));
        }
        return result;
    }
}
