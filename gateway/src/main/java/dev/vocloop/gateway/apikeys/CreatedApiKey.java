package dev.vocloop.gateway.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vocloop.gateway.auth.Role;
import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code POST /api/v1/api-keys}: the only time the secret is shown.
 *
 * @param id the key id
 * @param key the secret, to send as {@code Authorization: Bearer <key>}; it cannot be shown again
 * @param name what the key is for
 * @param role what the key may do
 * @param teams the teams of an agent key
 * @param createdAt when the key was created
 * @param identitySecret CUSTOMER_APP keys: the secret the app's server signs customer ids with (HMAC-SHA256
 *     of the id, keyed with this string's UTF-8 bytes); like the key, it cannot be shown again
 * @param identityRequired CUSTOMER_APP keys: whether the key may act for a customer only with a signature
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreatedApiKey(String id, String key, String name, Role role, List<String> teams, Instant createdAt,
        String identitySecret, Boolean identityRequired) {
}
