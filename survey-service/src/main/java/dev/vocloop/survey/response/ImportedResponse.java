package dev.vocloop.survey.response;

import dev.vocloop.survey.contact.CustomerRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One historical answer in {@code POST /api/v1/admin/surveys/{id}/responses/import}: an answer given
 * earlier (in another tool, or before the platform existed) with the time it was given.
 *
 * @param customer who answered; tier, lifecycle stage, product and region become the segments
 * @param score on the survey's scale (NPS 0-10, CSAT 1-5, CES 1-7)
 * @param comment the reason the customer gave, if any
 * @param answeredAt when it was answered; not in the future
 * @param channel how it was asked (EMAIL, LINK, IN_APP); kept for the channel segment
 */
public record ImportedResponse(@NotNull @Valid CustomerRef customer, @NotNull Integer score, @Size(max = 5000) String comment,
        @NotNull Instant answeredAt, @Size(max = 10) String channel) {
}
