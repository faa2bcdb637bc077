package dev.vocloop.survey.invitation;

import dev.vocloop.survey.contact.CustomerRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Body of {@code POST /api/v1/surveys/{id}/invitations}. */
public record InvitationRequest(@NotNull Invitation.Channel channel, @NotEmpty List<@NotNull @Valid CustomerRef> customers) {
}
