package dev.vocloop.gateway.apikeys;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.gateway.auth.Caller;
import dev.vocloop.gateway.auth.Role;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Creates, lists, revokes and checks API keys. */
@ApplicationScoped
public class ApiKeyService {

    /** Secrets start with this, so that leaked keys are easy to recognise (e.g. by secret scanners). */
    static final String SECRET_PREFIX = "vlk_";

    /** Writing the last-used time on every call would make each request a write; once a minute is enough. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Transactional
    public CreatedApiKey create(CreateApiKeyRequest request) {
        List<String> teams = request.teamsOrEmpty().stream().distinct().toList();
        if (request.role() == Role.AGENT && teams.isEmpty()) {
            throw ProblemException.invalidField("teams", "an AGENT key needs at least one team");
        }
        if (request.role() != Role.AGENT && !teams.isEmpty()) {
            throw ProblemException.invalidField("teams", "only AGENT keys have teams");
        }
        // 256 random bits: a hash without salt or stretching is enough for secrets that cannot be guessed.
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        ApiKey key = new ApiKey();
        key.id = Ids.newId();
        key.name = request.name().strip();
        key.role = request.role();
        key.teams = String.join(",", teams);
        key.keyHash = hash(secret);
        key.keyPrefix = secret.substring(0, SECRET_PREFIX.length() + 6);
        key.createdAt = Instant.now();
        key.persist();
        Log.infof("API key %s created with role %s", key.id, key.role);
        return new CreatedApiKey(key.id, secret, key.name, key.role, key.teamList(), key.createdAt);
    }

    @Transactional
    public ApiKeyPage list(String cursor, int limit) {
        List<ApiKey> keys = cursor == null
                ? ApiKey.findAll(Sort.descending("id")).page(0, limit + 1).list()
                : ApiKey.find("id < ?1", Sort.descending("id"), cursor).page(0, limit + 1).list();
        boolean more = keys.size() > limit;
        List<ApiKeyView> items = keys.stream().limit(limit).map(ApiKeyView::of).toList();
        return new ApiKeyPage(items, more ? items.get(items.size() - 1).id() : null);
    }

    @Transactional
    public ApiKeyView get(String id) {
        return ApiKeyView.of(find(id));
    }

    /** Revokes a key at once: the next request with it is refused. Revoking twice changes nothing. */
    @Transactional
    public void revoke(String id) {
        ApiKey key = find(id);
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            Log.infof("API key %s revoked", key.id);
        }
    }

    /**
     * The caller holding this secret, if it is an active key. Looked up in the database on every
     * request, so that a revocation holds at once on every gateway replica.
     */
    @Transactional
    public Optional<Caller> authenticate(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        ApiKey key = ApiKey.findByHash(hash(secret));
        if (key == null || key.revokedAt != null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
            key.lastUsedAt = now;
        }
        return Optional.of(new Caller(key.id, key.role, key.teamList()));
    }

    private static ApiKey find(String id) {
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            throw ProblemException.notFound("no API key with this id");
        }
        return key;
    }

    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
