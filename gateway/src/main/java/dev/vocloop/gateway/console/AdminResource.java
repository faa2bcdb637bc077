package dev.vocloop.gateway.console;

import static dev.vocloop.gateway.console.AgentResource.failUnlessOk;

import dev.vocloop.gateway.console.AdminViews.Decision;
import dev.vocloop.gateway.console.AdminViews.Rule;
import dev.vocloop.gateway.console.AdminViews.SlaPolicy;
import dev.vocloop.gateway.console.AdminViews.Team;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The admins' pages for ticket-service's configuration: teams, routing rules with the dry-run
 * tester, and SLA policies. Everything goes through the public API with the admin's key, so the
 * API's validation and problem details are the ones the page shows.
 */
@Path("/console/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    /** Ids, keys and priorities go into API paths: nothing that could change the path. */
    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    /** The console's default for a new team's calendar, as ticket-service's default. */
    static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    /** What the forms offer for a dry-run sample (DESIGN.md; topics are the defaults of feedback-service). */
    static final List<String> INTENTS = List.of("BUG", "FEATURE_REQUEST", "QUESTION", "COMPLAINT", "PRAISE", "OTHER");
    static final List<String> TOPICS = List.of("ACCOUNT", "BILLING", "PERFORMANCE", "USABILITY", "DELIVERY", "SUPPORT", "PRIVACY",
            "OTHER");
    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    /** A rule may raise the priority by 0 to 3 levels. */
    static final List<String> RAISES = List.of("0", "1", "2", "3");

    private final ConsolePages pages;
    private final ConsoleApi api;

    public AdminResource(ConsolePages pages, ConsoleApi api) {
        this.pages = pages;
        this.api = api;
    }

    // ---- Teams ----

    @GET
    @Path("/teams")
    public TemplateInstance teams(@Context HttpHeaders headers, @QueryParam("done") String done, @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        ApiResult teams = api.get(session, "/api/v1/teams");
        failUnlessOk(teams);
        return pages.page("admin-teams", Web.language(headers, lang), session, "/console/admin/teams")
                .data("teams", Views.items(teams.body(), Team::of))
                .data("days", DAYS)
                .data("blank", Team.blank())
                .data("done", done(done));
    }

    @POST
    @Path("/teams")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTeam(@Context HttpHeaders headers, @BeanParam TeamForm form) {
        ConsoleSession session = admin(pages, headers, form.csrf);
        failUnlessOk(api.post(session, "/api/v1/teams", form.body(form.key)));
        return seeOther("/console/admin/teams?done=team_created");
    }

    @GET
    @Path("/teams/{key}")
    public TemplateInstance team(@Context HttpHeaders headers, @PathParam("key") String key, @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        String k = safe(key);
        ApiResult team = api.get(session, "/api/v1/teams/" + k);
        failUnlessOk(team);
        return pages.page("admin-team", Web.language(headers, lang), session, "/console/admin/teams/" + k)
                .data("team", Team.of(team.body()))
                .data("days", DAYS);
    }

    @POST
    @Path("/teams/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveTeam(@Context HttpHeaders headers, @PathParam("key") String key, @BeanParam TeamForm form) {
        ConsoleSession session = admin(pages, headers, form.csrf);
        String k = safe(key);
        failUnlessOk(api.put(session, "/api/v1/teams/" + k, form.body(k)));
        return seeOther("/console/admin/teams?done=team_saved");
    }

    // ---- Routing rules ----

    @GET
    @Path("/routing-rules")
    public TemplateInstance rules(@Context HttpHeaders headers, @QueryParam("done") String done, @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        return rulesPage(session, Web.language(headers, lang), done(done), new SampleForm(), null);
    }

    @POST
    @Path("/routing-rules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createRule(@Context HttpHeaders headers, @BeanParam RuleForm form) {
        ConsoleSession session = admin(pages, headers, form.csrf);
        failUnlessOk(api.post(session, "/api/v1/routing-rules", form.body()));
        return seeOther("/console/admin/routing-rules?done=rule_created");
    }

    @GET
    @Path("/routing-rules/{id}")
    public TemplateInstance rule(@Context HttpHeaders headers, @PathParam("id") String id, @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        String ruleId = safe(id);
        ApiResult rule = api.get(session, "/api/v1/routing-rules/" + ruleId);
        failUnlessOk(rule);
        return pages.page("admin-rule", Web.language(headers, lang), session, "/console/admin/routing-rules/" + ruleId)
                .data("rule", Rule.of(rule.body()))
                .data("teams", teamKeys(session))
                .data("raises", RAISES);
    }

    @POST
    @Path("/routing-rules/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveRule(@Context HttpHeaders headers, @PathParam("id") String id, @BeanParam RuleForm form) {
        ConsoleSession session = admin(pages, headers, form.csrf);
        failUnlessOk(api.put(session, "/api/v1/routing-rules/" + safe(id), form.body()));
        return seeOther("/console/admin/routing-rules?done=rule_saved");
    }

    @POST
    @Path("/routing-rules/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteRule(@Context HttpHeaders headers, @PathParam("id") String id, @FormParam("_csrf") String csrf) {
        ConsoleSession session = admin(pages, headers, csrf);
        failUnlessOk(api.delete(session, "/api/v1/routing-rules/" + safe(id)));
        return seeOther("/console/admin/routing-rules?done=rule_deleted");
    }

    /** The dry run changes nothing: the rules page comes back with the decision and the sample kept in the form. */
    @POST
    @Path("/routing-rules/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance dryRun(@Context HttpHeaders headers, @BeanParam SampleForm sample) {
        ConsoleSession session = admin(pages, headers, sample.csrf);
        ApiResult decision = api.post(session, "/api/v1/routing-rules/test", sample.body());
        failUnlessOk(decision);
        return rulesPage(session, Web.language(headers, null), null, sample, Decision.of(decision.body()));
    }

    private TemplateInstance rulesPage(ConsoleSession session, String language, String done, SampleForm sample, Decision decision) {
        ApiResult rules = api.get(session, "/api/v1/routing-rules");
        failUnlessOk(rules);
        return pages.page("admin-routing", language, session, "/console/admin/routing-rules")
                .data("rules", Views.items(rules.body(), Rule::of))
                .data("teams", teamKeys(session))
                .data("intents", INTENTS)
                .data("topics", TOPICS)
                .data("priorities", PRIORITIES)
                .data("raises", RAISES)
                .data("blank", Rule.blank())
                .data("sample", sample)
                .data("decision", decision)
                .data("done", done);
    }

    /** The team keys for the rule form's choice; without them the form takes a typed key. */
    private List<String> teamKeys(ConsoleSession session) {
        ApiResult teams = api.get(session, "/api/v1/teams");
        AgentResource.failUnlessSignedIn(teams);
        return teams.ok() ? Views.items(teams.body(), t -> Views.str(t, "key")) : List.of();
    }

    // ---- SLA policies ----

    @GET
    @Path("/sla-policies")
    public TemplateInstance slaPolicies(@Context HttpHeaders headers, @QueryParam("done") String done,
            @QueryParam("lang") String lang) {
        ConsoleSession session = admin(pages, headers);
        ApiResult policies = api.get(session, "/api/v1/sla-policies");
        failUnlessOk(policies);
        return pages.page("admin-sla", Web.language(headers, lang), session, "/console/admin/sla-policies")
                .data("policies", Views.items(policies.body(), SlaPolicy::of))
                .data("done", done(done));
    }

    @POST
    @Path("/sla-policies/{priority}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSlaPolicy(@Context HttpHeaders headers, @PathParam("priority") String priority,
            @FormParam("_csrf") String csrf, @FormParam("firstResponse") String firstResponse,
            @FormParam("resolution") String resolution, @FormParam("businessHours") String businessHours,
            @FormParam("version") String version) {
        ConsoleSession session = admin(pages, headers, csrf);
        String p = safe(priority);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("priority", p);
        body.put("firstResponse", text(firstResponse));
        body.put("resolution", text(resolution));
        body.put("businessHours", businessHours != null);
        body.put("version", number(version));
        failUnlessOk(api.put(session, "/api/v1/sla-policies/" + p, body));
        return seeOther("/console/admin/sla-policies?done=sla_saved");
    }

    // ---- forms ----

    /** The team form; the calendar always goes along, so a team is never left without working hours. */
    public static class TeamForm {
        @FormParam("_csrf")
        public String csrf;
        @FormParam("key")
        public String key;
        @FormParam("name")
        public String name;
        @FormParam("members")
        public String members;
        @FormParam("lead")
        public String lead;
        @FormParam("timezone")
        public String timezone;
        @FormParam("workingDays")
        public List<String> workingDays;
        @FormParam("workStart")
        public String workStart;
        @FormParam("workEnd")
        public String workEnd;
        @FormParam("holidays")
        public String holidays;
        @FormParam("version")
        public String version;

        Map<String, Object> body(String teamKey) {
            Map<String, Object> calendar = new LinkedHashMap<>();
            calendar.put("timezone", text(timezone));
            calendar.put("workingDays", workingDays == null ? List.of() : workingDays.stream().filter(DAYS::contains).toList());
            calendar.put("workStart", text(workStart));
            calendar.put("workEnd", text(workEnd));
            calendar.put("holidays", list(holidays));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("key", text(teamKey));
            body.put("name", text(name));
            body.put("members", list(members));
            body.put("lead", text(lead));
            body.put("calendar", calendar);
            body.put("version", number(version));
            return body;
        }
    }

    /** A routing rule: each condition is a comma-separated list, empty meaning "any". */
    public static class RuleForm {
        @FormParam("_csrf")
        public String csrf;
        @FormParam("name")
        public String name;
        @FormParam("enabled")
        public String enabled;
        @FormParam("intents")
        public String intents;
        @FormParam("topics")
        public String topics;
        @FormParam("channels")
        public String channels;
        @FormParam("languages")
        public String languages;
        @FormParam("priorities")
        public String priorities;
        @FormParam("products")
        public String products;
        @FormParam("tiers")
        public String tiers;
        @FormParam("lifecycleStages")
        public String lifecycleStages;
        @FormParam("keywords")
        public String keywords;
        @FormParam("team")
        public String team;
        @FormParam("tags")
        public String tags;
        @FormParam("raisePriority")
        public String raisePriority;
        @FormParam("position")
        public String position;
        @FormParam("version")
        public String version;

        Map<String, Object> body() {
            Map<String, Object> conditions = new LinkedHashMap<>();
            conditions.put("intents", upper(list(intents)));
            conditions.put("topics", upper(list(topics)));
            conditions.put("channels", upper(list(channels)));
            conditions.put("languages", list(languages));
            conditions.put("priorities", upper(list(priorities)));
            conditions.put("products", list(products));
            conditions.put("tiers", list(tiers));
            conditions.put("lifecycleStages", list(lifecycleStages));
            conditions.put("keywords", list(keywords));
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("team", text(team));
            action.put("tags", list(tags));
            action.put("raisePriority", number(raisePriority));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", text(name));
            body.put("enabled", enabled != null);
            body.put("conditions", conditions);
            body.put("action", action);
            body.put("position", number(position));
            body.put("version", number(version));
            return body;
        }
    }

    /** A sample for the dry run: the text and whatever classification the admin wants to try. */
    @io.quarkus.qute.TemplateData
    public static class SampleForm {
        @FormParam("_csrf")
        public String csrf;
        @FormParam("text")
        public String text;
        @FormParam("intent")
        public String intent;
        @FormParam("topic")
        public String topic;
        @FormParam("channel")
        public String channel;
        @FormParam("language")
        public String language;
        @FormParam("priority")
        public String priority;
        @FormParam("product")
        public String product;
        @FormParam("tier")
        public String tier;
        @FormParam("lifecycleStage")
        public String lifecycleStage;

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", text(text));
            body.put("intent", text(intent));
            body.put("topic", text(topic));
            body.put("channel", text(channel));
            body.put("language", text(language));
            body.put("priority", text(priority));
            body.put("product", text(product));
            body.put("tier", text(tier));
            body.put("lifecycleStage", text(lifecycleStage));
            return body;
        }

        /** A field's value for re-display in the form ("" rather than null). */
        public String v(String field) {
            Object value = body().get(field);
            return value == null ? "" : value.toString();
        }
    }

    // ---- shared by the admin pages ----

    /** The session of an admin; anybody else gets the 403 page (the API would refuse them too). */
    static ConsoleSession admin(ConsolePages pages, HttpHeaders headers) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireRole(session.isAdmin());
        return session;
    }

    /** The same for a state-changing form, which must also carry the session's CSRF token. */
    static ConsoleSession admin(ConsolePages pages, HttpHeaders headers, String csrf) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireCsrf(session, csrf);
        pages.requireRole(session.isAdmin());
        return session;
    }

    static String safe(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new ConsoleException(404, "error_404", null);
        }
        return id;
    }

    /** The message key of a "done" notice, only of the form the pages send. */
    static String done(String done) {
        return done == null || !done.matches("[a-z_]{1,30}") ? null : "done_" + done;
    }

    static Response seeOther(String path) {
        // Post/redirect/get: a reload must not repeat the change.
        return Response.seeOther(URI.create(path)).build();
    }

    /** A trimmed text, {@code null} when empty, so the API applies its own default or says it is required. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "a, b，c" or one per line → [a, b, c]; Chinese commas count too. */
    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(value.split("[,，;；\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    /** A number from a form, {@code null} when empty; anything else than digits is a 400 page. */
    static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ConsoleException(400, "error_400", null);
        }
    }
}
