package dev.vocloop.feedback.items;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The customer who gave the feedback; the same shape in every service (CONTRACT.md). Only {@code id} is required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The customer who gave the feedback", example = """
        {"id":"c-1001","email":"li.wei@example.com","name":"Li Wei","locale":"zh-CN","tier":"gold","lifecycleStage":"active","attributes":{"product":"app","region":"cn"}}""")
public record Customer(
        @NotBlank @Size(max = 200) String id,
        @Email @Size(max = 320) String email,
        @Size(max = 200) String name,
        @Size(max = 35) String locale,
        @Size(max = 50) String tier,
        @Pattern(regexp = "new|growing|active|high-value|dormant", message = "must be one of new, growing, active, high-value, dormant")
        String lifecycleStage,
        @Size(max = 50) Map<@Size(max = 100) String, @Size(max = 500) String> attributes) {
}
