package dev.vocloop.survey.contact;

import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.survey.config.SurveyConfig;
import dev.vocloop.survey.support.Tokens;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Keeps the contact record of each customer: latest address and language, opt-out, contact budget. */
@ApplicationScoped
public class ContactService {

    private final EntityManager em;
    private final SurveyConfig config;

    public ContactService(EntityManager em, SurveyConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * The contact of a customer, created or refreshed with the latest address and locale. Upserted
     * in SQL so that two requests for a new customer at once do not collide on the primary key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact remember(CustomerRef customer) {
        Instant now = Instant.now();
        em.createNativeQuery("""
                INSERT INTO contacts (customer_id, email, locale, unsubscribe_token, created_at, updated_at)
                VALUES (:id, :email, :locale, :token, :now, :now)
                ON CONFLICT (customer_id) DO UPDATE
                   SET email = COALESCE(EXCLUDED.email, contacts.email),
                       locale = COALESCE(EXCLUDED.locale, contacts.locale),
                       updated_at = EXCLUDED.updated_at
                """)
                .setParameter("id", customer.id())
                .setParameter("email", customer.email())
                .setParameter("locale", customer.locale())
                .setParameter("token", Tokens.newToken())
                .setParameter("now", now)
                .executeUpdate();
        Contact contact = em.find(Contact.class, customer.id());
        em.refresh(contact);
        return contact;
    }

    /** Opts the customer behind an unsubscribe token out of every further contact. */
    @Transactional
    public Contact unsubscribe(String token) {
        if (!Tokens.plausible(token)) {
            throw ProblemException.notFound("unknown unsubscribe link");
        }
        Contact contact = Contact.<Contact>find("unsubscribeToken", token).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("unknown unsubscribe link"));
        if (contact.optedOutAt == null) {
            contact.optedOutAt = Instant.now();
            contact.updatedAt = contact.optedOutAt;
            Log.infof("customer %s opted out", contact.customerId);
        }
        return contact;
    }

    /**
     * Spends the customer's contact budget for a survey invitation, if it is available: one atomic
     * update, so two invitation requests at once (any survey, any replica) cannot both pass.
     * Answers false when the customer was invited within the budget window or opted out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean spendContactBudget(String customerId, Instant now) {
        Instant cutoff = now.minus(java.time.Duration.ofDays(config.invitations().contactBudgetDays()));
        return em.createNativeQuery("""
                UPDATE contacts SET last_invited_at = :now, updated_at = :now
                 WHERE customer_id = :id AND opted_out_at IS NULL
                   AND (last_invited_at IS NULL OR last_invited_at <= :cutoff)
                """)
                .setParameter("now", now)
                .setParameter("id", customerId)
                .setParameter("cutoff", cutoff)
                .executeUpdate() == 1;
    }

    /**
     * A detractor whose problem was confirmed solved is asked again at the next survey cycle: the
     * contact budget is released when the customer's latest NPS answer was 0-6, so that recovery
     * ({@code GET /api/v1/nps/recovery}) can be measured without waiting out the budget window.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean releaseBudgetOfSolvedDetractor(String customerId) {
        return em.createNativeQuery("""
                UPDATE contacts SET last_invited_at = NULL
                 WHERE customer_id = :id AND last_invited_at IS NOT NULL
                   AND (SELECT score FROM survey_responses
                         WHERE customer_id = :id AND survey_type = 'NPS'
                         ORDER BY created_at DESC LIMIT 1) <= 6
                """)
                .setParameter("id", customerId)
                .executeUpdate() == 1;
    }

    public Optional<Contact> find(String customerId) {
        return Optional.ofNullable(em.find(Contact.class, customerId));
    }

    /** The link that opts the customer out with one click. */
    public String unsubscribeUrl(Contact contact) {
        return config.publicBaseUrl() + "/api/v1/unsubscribe/" + contact.unsubscribeToken;
    }

    /**
     * The link in the mail's text: the console's page, which explains and asks to confirm (a link
     * scanner opening it unsubscribes nobody). {@link #unsubscribeUrl} stays the List-Unsubscribe
     * target that mail clients POST to (RFC 8058 one-click).
     */
    public String unsubscribePageUrl(Contact contact) {
        return config.publicBaseUrl() + "/unsubscribe/" + contact.unsubscribeToken;
    }
}
