package dev.vocloop.survey.contact;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One-click unsubscribe (public, the token is the credential). GET serves the link in the mail
 * body, POST the {@code List-Unsubscribe-Post} header of RFC 8058 that mail clients use.
 */
@Path("/api/v1/unsubscribe/{token}")
// Any caller the gateway vouches for, a customer without a key included: the link token is the credential.
@Authenticated
public class UnsubscribeResource {

    private final ContactService contacts;

    public UnsubscribeResource(ContactService contacts) {
        this.contacts = contacts;
    }

    /** Answer of an unsubscribe. */
    public record Unsubscribed(String status, String optedOutAt) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribeByLink(@PathParam("token") String token) {
        contacts.unsubscribe(token);
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Unsubscribed / 已退订</title></head>
                <body><p>You will not receive any more surveys or follow-ups from us.</p>
                <p>您已退订，我们不会再向您发送调查或回访邮件。</p></body></html>
                """;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Unsubscribed unsubscribe(@PathParam("token") String token) {
        Contact contact = contacts.unsubscribe(token);
        return new Unsubscribed("UNSUBSCRIBED", contact.optedOutAt.toString());
    }
}
