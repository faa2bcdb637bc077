package dev.vocloop.gateway.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vocloop.gateway.auth.Role;
import java.time.Instant;
import java.util.List;

/**
 * An API key as listed: everything but the secret.
 *
 * @param id the key id, also the subject of the internal token the services see
 * @param name what the key is for
 * @param role what the key may do
 * @param teams the teams of an agent key
 * @param prefix the first characters of the secret
 * @param createdAt when the key was created
 * @param lastUsedAt when the key was last used (recorded at most once a minute)
 * @param revokedAt when the key was revoked; absent while it is active
 * @param identityRequired CUSTOMER_APP keys: whether the key may act for a customer only with an identity
 *     signature (the identity secret itself is never listed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(String id, String name, Role role, List<String> teams, String prefix, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt, Boolean identityRequired) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.name, key.role, key.teamList(), key.keyPrefix, key.createdAt, key.lastUsedAt,
                key.revokedAt, key.role == Role.CUSTOMER_APP ? key.identityRequired : null);
    }
}
