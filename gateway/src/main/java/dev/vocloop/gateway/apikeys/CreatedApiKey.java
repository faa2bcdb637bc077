package dev.vocloop.gateway.apikeys;

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
 */
public record CreatedApiKey(String id, String key, String name, Role role, List<String> teams, Instant createdAt) {
}
