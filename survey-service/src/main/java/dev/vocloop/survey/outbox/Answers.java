package dev.vocloop.survey.outbox;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Turns a REST client call into a {@link HandOverAnswer} or a {@link ReceiverUnavailableException}. */
final class Answers {

    private Answers() {
    }

    static HandOverAnswer call(Supplier<Response> call) {
        Response response;
        try {
            response = call.get();
        } catch (WebApplicationException e) {
            response = e.getResponse();
        }
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        response.close();
        // 408 and 429 say "not now", 5xx "not working": neither is an answer about the hand-over.
        if (status >= 500 || status == 408 || status == 429) {
            throw new ReceiverUnavailableException(status);
        }
        return new HandOverAnswer(status, body);
    }
}
