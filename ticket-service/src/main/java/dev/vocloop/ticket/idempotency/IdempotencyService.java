package dev.vocloop.ticket.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocloop.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Receiver side of the hand-overs: the first request with a key does the work and stores its
 * answer in the same transaction; a repeat gets the stored answer and changes nothing. The key's
 * row is inserted first with {@code ON CONFLICT DO NOTHING}, so a concurrent repeat (another
 * replica, a retry racing the original) waits on the unique index until the first commits.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final int MAX_KEY = 300;

    private final EntityManager em;
    private final ObjectMapper json;

    public IdempotencyService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** An answer to store and send. */
    public record Answer(int status, Object body) {
    }

    /**
     * Runs {@code work} once per key inside the caller's transaction; the request is hashed so that
     * a key reused for a different request is refused (422) instead of silently answered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String key, Object request, Supplier<Answer> work) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw ProblemException.invalidField("Idempotency-Key", "must be 1 to " + MAX_KEY + " characters");
        }
        String hash = hash(request);
        int inserted = em.createNativeQuery("INSERT INTO idempotency_keys (key, request_hash, created_at) "
                        + "VALUES (?1, ?2, now()) ON CONFLICT (key) DO NOTHING")
                .setParameter(1, key).setParameter(2, hash).executeUpdate();
        if (inserted == 0) {
            IdempotencyKey stored = em.find(IdempotencyKey.class, key);
            em.refresh(stored);
            if (!stored.requestHash.equals(hash)) {
                throw ProblemException.unprocessable("the Idempotency-Key was already used for a different request");
            }
            return Response.status(stored.status).type(MediaType.APPLICATION_JSON).entity(stored.responseBody).build();
        }
        Answer answer = work.get();
        String body = write(answer.body());
        em.createNativeQuery("UPDATE idempotency_keys SET status = ?2, response_body = ?3 WHERE key = ?1")
                .setParameter(1, key).setParameter(2, answer.status()).setParameter(3, body).executeUpdate();
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise an answer", e);
        }
    }
}
