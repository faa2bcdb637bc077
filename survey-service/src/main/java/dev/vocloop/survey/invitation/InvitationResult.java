package dev.vocloop.survey.invitation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Result of an invitation request: one item per customer, INVITED or SKIPPED with the reason. */
public record InvitationResult(List<Item> items) {

    /**
     * One customer's outcome. {@code token} and {@code url} are given for LINK and IN_APP
     * invitations (the caller delivers them); e-mail links stay in the customer's mailbox.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String customerId, String status, String invitationId, String token, String url, String reason) {
    }
}
