package dev.vocloop.gateway.console;

import static dev.vocloop.gateway.console.AdminResource.admin;
import static dev.vocloop.gateway.console.AdminResource.done;
import static dev.vocloop.gateway.console.AdminResource.list;
import static dev.vocloop.gateway.console.AdminResource.safe;
import static dev.vocloop.gateway.console.AdminResource.seeOther;
import static dev.vocloop.gateway.console.AdminResource.text;
import static dev.vocloop.gateway.console.AgentResource.failUnlessOk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocloop.gateway.auth.Role;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admins' API key pages: the list (never a secret), creating a key, whose secret (and, for a
 * CUSTOMER_APP key, identity secret) is shown on one page view only, and revoking.
 */
@Path("/console/admin/api-keys")
@Produces(MediaType.TEXT_HTML)
public class AdminKeysResource {

    /** One page of keys; the API's maximum. */
    private static final int PAGE = 200;

    /**
     * A created key waits here for the one page view that shows its secret (post/redirect/get, so a
     * reload can neither create a second key nor show the secret again). Read once, then gone; a
     * secret nobody comes to see is forgotten after a few minutes.
     */
    private final Cache<String, Created> created = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(1000).build();

    private final ConsolePages pages;
    private final ConsoleApi api;

    public AdminKeysResource(ConsolePages pages, ConsoleApi api) {
        this.pages = pages;
        this.api = api;
    }

    /** The secret with what it belongs to, and the session that created it (nobody else may see it). */
    @TemplateData
    public record Created(String sessionId, String id, String key, String name, String role, String teams,
            String identitySecret) {

        @Override
        public String toString() {
            return "Created[id=" + id + "]";
        }
    }

    @GET
    public TemplateInstance keys(@Context HttpHeaders headers, @QueryParam("cursor") String cursor, @QueryParam("done") String done,
            @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        String query = "?limit=" + PAGE + (cursor == null || cursor.isBlank() ? "" : "&cursor=" + Web.enc(cursor));
        ApiResult keys = api.get(session, "/api/v1/api-keys" + query);
        failUnlessOk(keys);
        String next = Views.str(keys.body(), "nextCursor");
        return pages.page("admin-keys", Web.language(headers, lang), session, "/console/admin/api-keys")
                .data("keys", Views.items(keys.body(), AdminViews.ApiKey::of))
                .data("roles", AdminViews.Option.of("role_", Arrays.stream(Role.values()).map(Enum::name).toList()))
                .data("next", next.isEmpty() ? null : Web.enc(next))
                .data("done", done(done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@Context HttpHeaders headers, @FormParam("_csrf") String csrf, @FormParam("name") String name,
            @FormParam("role") String role, @FormParam("teams") String teams) {
        ConsoleSession session = admin(pages, headers, csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", text(name));
        body.put("role", text(role));
        body.put("teams", list(teams));
        ApiResult result = api.post(session, "/api/v1/api-keys", body);
        failUnlessOk(result);
        Created c = new Created(session.id(), Views.str(result.body(), "id"), Views.str(result.body(), "key"),
                Views.str(result.body(), "name"), Views.str(result.body(), "role"),
                String.join(", ", Views.strings(result.body().path("teams"))), Views.str(result.body(), "identitySecret"));
        String view = SessionStore.randomToken();
        created.put(view, c);
        Log.infof("console: %s created API key %s (%s)", session.subject(), c.id(), c.role());
        return seeOther("/console/admin/api-keys/created/" + view);
    }

    /** The one view of a new key's secret; a second visit says it cannot be shown again (410). */
    @GET
    @Path("/created/{view}")
    public Response shown(@Context HttpHeaders headers, @PathParam("view") String view, @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        Created c = view == null ? null : created.getIfPresent(view);
        if (c != null && c.sessionId().equals(session.id())) {
            created.invalidate(view);
        } else {
            c = null;
        }
        String html = pages.page("admin-key-created", Web.language(headers, lang), session, "/console/admin/api-keys")
                .data("created", c)
                .render();
        return Response.status(c == null ? 410 : 200).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /**
     * Switches a CUSTOMER_APP key's customer identity verification. A key created before identity
     * verification existed gets its identity secret on the first switch; it is shown once, like a new key's.
     */
    @POST
    @Path("/{id}/identity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response identity(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf,
            @FormParam("required") String required) {
        ConsoleSession session = admin(pages, headers, csrf);
        String keyId = safe(id);
        boolean on = "true".equals(required);
        ApiResult result = api.patch(session, "/api/v1/api-keys/" + keyId, Map.of("identityRequired", on));
        failUnlessOk(result);
        Log.infof("console: %s switched customer identity verification of API key %s %s", session.subject(), keyId, on ? "on" : "off");
        String secret = Views.str(result.body(), "identitySecret");
        if (!secret.isEmpty()) {
            String view = SessionStore.randomToken();
            created.put(view, new Created(session.id(), keyId, "", "", "CUSTOMER_APP", "", secret));
            return seeOther("/console/admin/api-keys/created/" + view);
        }
        return seeOther("/console/admin/api-keys?done=" + (on ? "key_identity_on" : "key_identity_off"));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf) {
        ConsoleSession session = admin(pages, headers, csrf);
        String keyId = safe(id);
        failUnlessOk(api.delete(session, "/api/v1/api-keys/" + keyId));
        Log.infof("console: %s revoked API key %s", session.subject(), keyId);
        return seeOther("/console/admin/api-keys?done=key_revoked");
    }
}
