package dev.vocloop.gateway.apikeys;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code PATCH /api/v1/api-keys/{id}}.
 *
 * @param identityRequired for CUSTOMER_APP keys, whether the key may act for a customer only when the
 *     request proves that customer with an identity signature
 */
public record UpdateApiKeyRequest(@NotNull Boolean identityRequired) {
}
