package dev.vocloop.survey.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers answers by {@code Idempotency-Key} (CONTRACT.md). Callers serialise work on the same
 * key with {@link #lock(String)} so that two deliveries of one hand-over at once (two relay replicas)
 * cannot both act; the second waits and then finds the first answer.
 */
@ApplicationScoped
public class IdempotencyService {

    /** A stored answer. */
    public record StoredAnswer(int status, String body) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public IdempotencyService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Takes a transaction-scoped advisory lock on a key (any string), released at commit or rollback. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))")
                .setParameter("k", key)
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredAnswer> find(String key) {
        IdempotencyRecord found = em.find(IdempotencyRecord.class, key);
        return Optional.ofNullable(found).map(r -> new StoredAnswer(r.status, r.body));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String key, int status, Object body) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = key;
        record.status = status;
        try {
            record.body = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be serialised", e);
        }
        record.createdAt = Instant.now();
        em.persist(record);
    }
}
