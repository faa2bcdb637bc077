package dev.vocloop.gateway.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code PATCH /api/v1/api-keys/{id}}: a CUSTOMER_APP key's identity verification setting.
 *
 * @param id the key id
 * @param identityRequired whether the key may act for a customer only with an identity signature
 * @param identitySecret only when this call gave the key its identity secret (a key created before
 *     identity verification existed): shown this once, like the secret at creation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyIdentity(String id, boolean identityRequired, String identitySecret) {
}
