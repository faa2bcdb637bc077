package dev.vocloop.ticket.tickets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The customer shape shared by every service (CONTRACT.md); only {@code id} is required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// stored in a JSON column too: fields written by a newer version must not break reading
@JsonIgnoreProperties(ignoreUnknown = true)
public record Customer(
        @NotBlank @Size(max = 200) String id,
        @Size(max = 320) String email,
        @Size(max = 200) String name,
        @Size(max = 35) String locale,
        @Size(max = 50) String tier,
        @Size(max = 50) String lifecycleStage,
        Map<String, String> attributes) {

    public String attribute(String key) {
        return attributes == null ? null : attributes.get(key);
    }
}
