package dev.vocloop.gateway.apikeys;

import dev.vocloop.gateway.auth.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/api-keys}.
 *
 * @param name what the key is for, e.g. "iOS app" or "Li Wei (billing)"
 * @param role what the key may do
 * @param teams for AGENT keys, the team keys the agent works (at least one); empty for other roles
 * @param identityRequired for CUSTOMER_APP keys, whether the key may act for a customer only when the
 *     request proves that customer with an identity signature (default true); {@code false} keeps the
 *     unverified behaviour of keys created before, for a page that cannot sign (e.g. the demo)
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull Role role,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}",
                message = "must be a team key: lower-case letters, digits, '-' or '_'") String> teams,
        Boolean identityRequired) {

    public CreateApiKeyRequest(String name, Role role, List<String> teams) {
        this(name, role, teams, null);
    }

    public List<String> teamsOrEmpty() {
        return teams == null ? List.of() : teams;
    }
}
