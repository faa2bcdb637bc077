package dev.vocloop.gateway.apikeys;

import dev.vocloop.commons.Ids;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.gateway.auth.Caller;
import dev.vocloop.gateway.auth.CustomerProof;
import dev.vocloop.gateway.auth.CustomerSignatureException;
import dev.vocloop.gateway.auth.Role;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Creates, lists, revokes and checks API keys. */
@ApplicationScoped
public class ApiKeyService {

    /** Secrets start with this, so that leaked keys are easy to recognise (e.g. by secret scanners). */
    static final String SECRET_PREFIX = "vlk_";

    /** Identity secrets start with this: told apart from keys at a glance, and by secret scanners. */
    static final String IDENTITY_SECRET_PREFIX = "vlid_";

    /** The longest customer id a service accepts (CONTRACT.md, Customer: same as {@code customer.id}). */
    private static final int MAX_CUSTOMER_ID = 200;

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
        if (request.role() != Role.CUSTOMER_APP && request.identityRequired() != null) {
            throw onlyCustomerAppsVerify();
        }
        // 256 random bits: a hash without salt or stretching is enough for secrets that cannot be guessed.
        String secret = SECRET_PREFIX + random256();

        ApiKey key = new ApiKey();
        key.id = Ids.newId();
        key.name = request.name().strip();
        key.role = request.role();
        key.teams = String.join(",", teams);
        key.keyHash = hash(secret);
        key.keyPrefix = secret.substring(0, SECRET_PREFIX.length() + 6);
        key.createdAt = Instant.now();
        if (key.role == Role.CUSTOMER_APP) {
            // Also 256 random bits; kept as it is, since the gateway must compute the same HMAC.
            key.identitySecret = IDENTITY_SECRET_PREFIX + random256();
            key.identityRequired = request.identityRequired() == null || request.identityRequired();
        }
        key.persist();
        // Never the secrets: the id and the setting only.
        Log.infof("API key %s created with role %s%s", key.id, key.role, key.role == Role.CUSTOMER_APP
                ? (key.identityRequired ? ", customer identity verification required" : ", customer identity verification off")
                : "");
        return new CreatedApiKey(key.id, secret, key.name, key.role, key.teamList(), key.createdAt, key.identitySecret,
                key.role == Role.CUSTOMER_APP ? key.identityRequired : null);
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

    /**
     * Switches a CUSTOMER_APP key's identity verification. A key from before identity verification
     * existed gets its identity secret on the first call, shown in this answer only: switch it with
     * {@code false} first, teach the app's server to sign, then switch it to {@code true}.
     */
    @Transactional
    public ApiKeyIdentity setIdentityRequired(String id, boolean required) {
        ApiKey key = find(id);
        if (key.role != Role.CUSTOMER_APP) {
            throw onlyCustomerAppsVerify();
        }
        String shown = null;
        if (key.identitySecret == null) {
            key.identitySecret = IDENTITY_SECRET_PREFIX + random256();
            shown = key.identitySecret;
        }
        key.identityRequired = required;
        Log.infof("API key %s: customer identity verification %s%s", key.id, required ? "required" : "off",
                shown == null ? "" : ", identity secret created");
        return new ApiKeyIdentity(key.id, key.identityRequired, shown);
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

    /** The caller holding this secret, if it is an active key; see {@link #authenticate(String, CustomerProof)}. */
    @Transactional
    public Optional<Caller> authenticate(String secret) {
        return authenticate(secret, CustomerProof.NONE);
    }

    /**
     * The caller holding this secret, if it is an active key. Looked up in the database on every
     * request, so that a revocation holds at once on every gateway replica. For a CUSTOMER_APP key
     * with a signed {@code proof}, the caller carries the proved customer; a signature that does
     * not match throws {@link CustomerSignatureException} (a customer id without a signature proves
     * nothing and is ignored).
     */
    @Transactional(dontRollbackOn = CustomerSignatureException.class)
    public Optional<Caller> authenticate(String secret, CustomerProof proof) {
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
        if (key.role != Role.CUSTOMER_APP) {
            return Optional.of(new Caller(key.id, key.role, key.teamList()));
        }
        String customer = proof.signed() ? verifiedCustomer(key, proof) : null;
        return Optional.of(new Caller(key.id, key.role, key.teamList(), customer, key.identityRequired));
    }

    /** The customer of a signed proof, or {@link CustomerSignatureException}. */
    private static String verifiedCustomer(ApiKey key, CustomerProof proof) {
        if (key.identitySecret == null) {
            throw new CustomerSignatureException("this API key has no identity secret (it was created before identity "
                    + "verification existed): create a new CUSTOMER_APP key to sign customer ids");
        }
        String customer = proof.customer() == null ? "" : proof.customer().strip();
        if (customer.isEmpty() || customer.length() > MAX_CUSTOMER_ID) {
            throw new CustomerSignatureException(CustomerProof.CUSTOMER_HEADER + " must name the customer (1 to "
                    + MAX_CUSTOMER_ID + " characters) whose id " + CustomerProof.SIGNATURE_HEADER + " signs");
        }
        byte[] expected = HexFormat.of().formatHex(hmac(key.identitySecret, customer)).getBytes(StandardCharsets.US_ASCII);
        byte[] sent = proof.signature().strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        // Constant time: how much of a guess matches must not show in the answer's timing.
        if (!MessageDigest.isEqual(expected, sent)) {
            throw new CustomerSignatureException(CustomerProof.SIGNATURE_HEADER + " is not the HMAC-SHA256 of "
                    + CustomerProof.CUSTOMER_HEADER + " under this key's identity secret (lowercase hex)");
        }
        return customer;
    }

    /** HMAC-SHA256 of the customer id's UTF-8 bytes, keyed with the identity secret's UTF-8 bytes. */
    static byte[] hmac(String identitySecret, String customer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(identitySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(customer.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ProblemException onlyCustomerAppsVerify() {
        return ProblemException.invalidField("identityRequired", "only CUSTOMER_APP keys verify customer identities");
    }

    private static String random256() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
