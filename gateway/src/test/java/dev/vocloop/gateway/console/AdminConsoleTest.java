package dev.vocloop.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.testing.TestTokens;
import dev.vocloop.gateway.StubServices;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The admin pages over HTTP. Teams, rules, SLA policies and surveys live in ticket-service and
 * survey-service, here the stubs of {@link StubServices}: the tests check what the pages sent
 * through the gateway and how they show the services' answers (fixtures under
 * {@code src/test/resources/stub}). API keys are the gateway's own, in a real PostgreSQL.
 */
@QuarkusTest
class AdminConsoleTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final List<String> ADMIN_PAGES = List.of("/console/admin/teams", "/console/admin/teams/vip-care",
            "/console/admin/routing-rules", "/console/admin/routing-rules/r-1", "/console/admin/sla-policies",
            "/console/admin/surveys", "/console/admin/surveys/s-1", "/console/admin/api-keys");

    @Test
    void anAdminCreatesATeamAndARuleAndTheDryRunRoutesToIt() throws Exception {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String page = given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "en").when().get("/console/admin/teams")
                .then().statusCode(200)
                .body(allOf(containsString("<h1>Teams</h1>"), containsString("Billing 账务"), containsString("Mon,Tue,Wed,Thu,Fri 09:00-18:00 Asia/Shanghai"),
                        containsString("href=\"/console/admin/teams/vip-care\"")))
                .extract().asString();
        String csrf = ConsoleSessions.csrfOf(page);

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM)
                .formParam("_csrf", csrf).formParam("key", "vip-care").formParam("name", "VIP care 贵宾服务")
                .formParam("members", "zhang.min， li.wei").formParam("lead", "zhang.min")
                .formParam("workingDays", "MONDAY").formParam("workingDays", "SATURDAY").formParam("workingDays", "NOT_A_DAY")
                .formParam("workStart", "08:00").formParam("workEnd", "20:00").formParam("timezone", "Europe/Berlin")
                .formParam("holidays", "2026-12-25")
                .when().post("/console/admin/teams")
                .then().statusCode(303).header("Location", containsString("/console/admin/teams?done=team_created"));
        JsonPath team = sent("ticket", "POST /api/v1/teams");
        assertEquals(List.of("ADMIN"), TestTokens.verify(ConsoleSessions.lastReceived("ticket", "POST /api/v1/teams")
                .getString("headers.authorization")).getStringListClaimValue("groups"));
        assertEquals("vip-care", team.getString("key"));
        assertEquals(List.of("zhang.min", "li.wei"), team.getList("members"));
        assertEquals(List.of("MONDAY", "SATURDAY"), team.getList("calendar.workingDays"));
        assertEquals("08:00", team.getString("calendar.workStart"));
        assertEquals(List.of("2026-12-25"), team.getList("calendar.holidays"));

        // Editing sends the version the page was read at, so a concurrent change is a 409 rather than lost.
        String edit = given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/teams/vip-care")
                .then().statusCode(200).body(allOf(containsString("value=\"Europe/Berlin\""), containsString("value=\"SATURDAY\" checked")))
                .extract().asString();
        assertTrue(edit.contains("name=\"version\" value=\"4\""), "the version of the team as read");
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM)
                .formParam("_csrf", csrf).formParam("name", "VIP care").formParam("workingDays", "MONDAY")
                .formParam("workStart", "09:00").formParam("workEnd", "18:00").formParam("version", "4")
                .when().post("/console/admin/teams/vip-care").then().statusCode(303);
        JsonPath replaced = sent("ticket", "PUT /api/v1/teams/vip-care");
        assertEquals(4, replaced.getInt("version"));
        assertEquals("vip-care", replaced.getString("key"));

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM)
                .formParam("_csrf", csrf).formParam("name", "VIP refunds 贵宾退款").formParam("enabled", "true")
                .formParam("tiers", "gold, platinum").formParam("keywords", "重复扣款，refund").formParam("intents", "complaint")
                .formParam("team", "vip-care").formParam("tags", "refund").formParam("raisePriority", "1").formParam("position", "0")
                .when().post("/console/admin/routing-rules")
                .then().statusCode(303).header("Location", containsString("done=rule_created"));
        JsonPath rule = sent("ticket", "POST /api/v1/routing-rules");
        assertEquals(List.of("gold", "platinum"), rule.getList("conditions.tiers"));
        assertEquals(List.of("重复扣款", "refund"), rule.getList("conditions.keywords"));
        assertEquals(List.of("COMPLAINT"), rule.getList("conditions.intents"));
        assertEquals("vip-care", rule.getString("action.team"));
        assertEquals(1, rule.getInt("action.raisePriority"));
        assertEquals(0, rule.getInt("position"));
        assertTrue(rule.getBoolean("enabled"));

        given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "en").when().get("/console/admin/routing-rules")
                .then().statusCode(200)
                .body(allOf(containsString("VIP refunds 贵宾退款"), containsString("keywords: 重复扣款, refund"),
                        containsString("<option value=\"vip-care\""), containsString("Where would it go?")));

        String result = given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "en").contentType(FORM)
                .formParam("_csrf", csrf).formParam("text", "我被重复扣款了，请退款").formParam("tier", "gold").formParam("intent", "COMPLAINT")
                .when().post("/console/admin/routing-rules/test")
                .then().statusCode(200).extract().asString();
        assertTrue(result.contains("→ <code>vip-care</code>"), "the decision's team");
        assertTrue(result.contains("Matched rule <strong>VIP refunds 贵宾退款</strong>"));
        assertTrue(result.contains("text contains keyword &quot;重复扣款&quot;"), "the reasons, escaped");
        assertTrue(result.contains(">我被重复扣款了，请退款</textarea>"), "the sample stays in the form");
        JsonPath sample = sent("ticket", "POST /api/v1/routing-rules/test");
        assertEquals("我被重复扣款了，请退款", sample.getString("text"));
        assertEquals("gold", sample.getString("tier"));
        assertEquals("COMPLAINT", sample.getString("intent"));

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM).formParam("_csrf", csrf)
                .when().post("/console/admin/routing-rules/r-2/delete")
                .then().statusCode(303).header("Location", containsString("done=rule_deleted"));
        assertEquals("DELETE", ConsoleSessions.lastReceived("ticket", "DELETE /api/v1/routing-rules/r-2").getString("method"));
    }

    @Test
    void slaPoliciesAreListedAndSavedWithTheirVersion() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String page = given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "zh-CN").when().get("/console/admin/sla-policies")
                .then().statusCode(200).body(allOf(containsString("SLA 策略"), containsString("value=\"PT8H\""), containsString("value=\"P14D\"")))
                .extract().asString();
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM)
                .formParam("_csrf", ConsoleSessions.csrfOf(page)).formParam("firstResponse", "PT2H").formParam("resolution", "P2D")
                .formParam("businessHours", "true").formParam("version", "1")
                .when().post("/console/admin/sla-policies/P2")
                .then().statusCode(303).header("Location", containsString("done=sla_saved"));
        JsonPath policy = sent("ticket", "PUT /api/v1/sla-policies/P2");
        assertEquals("P2", policy.getString("priority"));
        assertEquals("PT2H", policy.getString("firstResponse"));
        assertEquals("P2D", policy.getString("resolution"));
        assertTrue(policy.getBoolean("businessHours"));
        assertEquals(1, policy.getInt("version"));
    }

    @Test
    void anApiKeyIsCreatedItsSecretShownOnceAndRevokedKeysGet401() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/api-keys")
                .then().statusCode(200).body(containsString("<h1>API keys</h1>")).extract().asString());
        String name = "desk " + System.nanoTime();
        Response created = given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM)
                .formParam("_csrf", csrf).formParam("name", name).formParam("role", "AGENT").formParam("teams", "billing, vip-care")
                .when().post("/console/admin/api-keys");
        assertEquals(303, created.statusCode());
        String shownAt = created.getHeader("Location");
        assertTrue(shownAt.contains("/console/admin/api-keys/created/"), shownAt);
        assertFalse(shownAt.contains("vlk_"), "the secret is never in a URL");

        String page = given().cookie(Web.SESSION_COOKIE, admin).when().get(shownAt).then().statusCode(200)
                .body(containsString("the only time it is shown")).extract().asString();
        Matcher m = Pattern.compile("id=\"secret\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the secret is on the page");
        String secret = m.group(1);
        assertTrue(secret.startsWith("vlk_"), secret);

        // Never again: not on a second visit, not for another admin session, not in the list.
        given().cookie(Web.SESSION_COOKIE, admin).when().get(shownAt).then().statusCode(410)
                .body(allOf(containsString("cannot be shown again"), not(containsString(secret))));
        String list = given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/api-keys").then().statusCode(200)
                .body(allOf(containsString(name), containsString("billing, vip-care"), containsString("never"))).extract().asString();
        assertFalse(list.contains(secret));

        // The key works at the API, until the admin revokes it on the page.
        given().header("Authorization", "Bearer " + secret).when().get("/api/v1/teams/billing/queue").then().statusCode(200);
        String id = given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY).when().get("/api/v1/api-keys?limit=200")
                .then().statusCode(200).extract().jsonPath().getString("items.find { it.name == '" + name + "' }.id");
        assertTrue(list.contains("action=\"/console/admin/api-keys/" + id + "/revoke\""));
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM).formParam("_csrf", csrf)
                .when().post("/console/admin/api-keys/" + id + "/revoke")
                .then().statusCode(303).header("Location", containsString("done=key_revoked"));
        given().header("Authorization", "Bearer " + secret).when().get("/api/v1/teams/billing/queue").then().statusCode(401);
        String after = given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/api-keys").asString();
        assertTrue(after.contains("<tr id=\"key-" + id + "\" class=\"muted\">"), "the list marks it revoked");
        assertFalse(after.contains("action=\"/console/admin/api-keys/" + id + "/revoke\""), "no revoke button for a revoked key");
    }

    @Test
    void anAdminSwitchesACustomerAppKeysIdentityVerificationOnThePage() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/api-keys").asString());
        String name = "shop widget " + System.nanoTime();
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM)
                .formParam("_csrf", csrf).formParam("name", name).formParam("role", "CUSTOMER_APP")
                .when().post("/console/admin/api-keys").then().statusCode(303);
        String id = given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY).when().get("/api/v1/api-keys?limit=200")
                .then().statusCode(200).extract().jsonPath().getString("items.find { it.name == '" + name + "' }.id");
        String row = rowOf(given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/api-keys").asString(), id);
        assertTrue(row.contains("customer identity verified") && row.contains("name=\"required\" value=\"false\""), row);

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM).formParam("_csrf", csrf)
                .formParam("required", "false").when().post("/console/admin/api-keys/" + id + "/identity")
                .then().statusCode(303).header("Location", containsString("done=key_identity_off"));
        assertFalse(identityRequired(id), "the API says the key no longer requires signatures");
        row = rowOf(given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/api-keys").asString(), id);
        assertTrue(row.contains("customer identity not verified") && row.contains("name=\"required\" value=\"true\""), row);

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM).formParam("_csrf", csrf)
                .formParam("required", "true").when().post("/console/admin/api-keys/" + id + "/identity")
                .then().statusCode(303).header("Location", containsString("done=key_identity_on"));
        assertTrue(identityRequired(id));
        // Without the form's CSRF token nothing changes.
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM).formParam("required", "false")
                .when().post("/console/admin/api-keys/" + id + "/identity").then().statusCode(403);
        assertTrue(identityRequired(id));
    }

    private static boolean identityRequired(String id) {
        return given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY).when().get("/api/v1/api-keys/" + id)
                .then().statusCode(200).extract().jsonPath().getBoolean("identityRequired");
    }

    private static String rowOf(String page, String id) {
        int start = page.indexOf("<tr id=\"key-" + id + "\"");
        assertTrue(start >= 0, "the key is listed");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void theApisRefusalIsAHumanSentenceWithItsReason() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/api-keys").asString());
        given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "zh-CN").contentType(FORM)
                .formParam("_csrf", csrf).formParam("name", "bad teams").formParam("role", "AGENT").formParam("teams", "Not A Team!")
                .when().post("/console/admin/api-keys")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(allOf(containsString("部分输入未被接受"), containsString("must be a team key"),
                        not(containsString("problem+json")), not(containsString("\"status\""))));
    }

    @Test
    void anAdminCreatesASurveyAndInvitesACsvOfCustomersWithProgressTo100Percent() throws InterruptedException {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "en")
                .when().get("/console/admin/surveys")
                .then().statusCode(200)
                .body(allOf(containsString("Quarterly NPS 季度净推荐值"), containsString("How likely are you to recommend us"),
                        containsString("draft")))
                .extract().asString());
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM)
                .formParam("_csrf", csrf).formParam("name", "Quarterly NPS 季度净推荐值").formParam("type", "NPS")
                .formParam("questionZh", "您有多大可能向朋友推荐我们？").formParam("questionEn", "How likely are you to recommend us?")
                .formParam("followUpZh", "").formParam("followUpEn", "").formParam("status", "ACTIVE")
                .when().post("/console/admin/surveys")
                .then().statusCode(303).header("Location", containsString("/console/admin/surveys/s-1?done=survey_created"));
        JsonPath survey = sent("survey", "POST /api/v1/surveys");
        assertEquals("NPS", survey.getString("type"));
        assertEquals("您有多大可能向朋友推荐我们？", survey.getString("questions.zh-CN"));
        assertEquals("How likely are you to recommend us?", survey.getString("questions.en"));
        assertTrue(survey.get("followUpQuestions") == null, "no empty follow-up wording");
        assertEquals("ACTIVE", survey.getString("status"));

        int before = allSent("POST /api/v1/surveys/s-1/invitations").size();
        StringBuilder csv = new StringBuilder("\uFEFFid,email,name,locale,tier,lifecycleStage,region\n");
        int rows = 2_500;
        for (int i = 0; i < rows; i++) {
            String id = i % 100 == 7 ? "optout-" + i : "c-" + i;
            csv.append(id).append(",c").append(i).append("@example.com,").append(i % 2 == 0 ? "\"Li, Wei\"" : "王芳")
                    .append(',').append(i % 2 == 0 ? "zh-CN" : "en").append(",gold,active,cn\n");
        }
        csv.append(",nobody@example.com,No Id,en,,,\n");
        String location = given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin)
                .multiPart("_csrf", csrf).multiPart("channel", "EMAIL")
                .multiPart("file", "customers.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/console/admin/surveys/s-1/invitations")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/console/admin/surveys/s-1/imports/[A-Za-z0-9_-]{20,}$"), location);

        given().cookie(Web.SESSION_COOKIE, admin).when().get(location).then().statusCode(200)
                .body(allOf(containsString("<progress id=\"import-bar\" max=\"100\""), containsString("/progress")));
        String progress = finished(admin, location);
        assertFalse(progress.contains("hx-get"), "polling stops once finished");
        assertTrue(progress.contains("value=\"100\""), progress);
        assertTrue(progress.contains("<strong id=\"import-percent\">100 %</strong> · 2501 / 2501"), progress);
        assertTrue(progress.contains("<dd id=\"import-invited\">2475</dd>"), progress);
        assertTrue(progress.contains("<dd id=\"import-skipped\">25 <span class=\"badge\">opted out 25</span>"), progress);
        assertTrue(progress.contains("<dd id=\"import-failed\">0</dd>"), progress);
        assertTrue(progress.contains("<dd id=\"import-rejected\">1</dd>"), progress);
        assertTrue(progress.contains("Row 2502: this row has no customer id"), progress);

        // Every customer reached the survey API once, in batches within its limit, fields as CONTRACT.md.
        List<JsonPath> batches = allSent("POST /api/v1/surveys/s-1/invitations").subList(before,
                allSent("POST /api/v1/surveys/s-1/invitations").size());
        assertEquals(5, batches.size(), "2,500 customers in batches of 500");
        Set<String> ids = new HashSet<>();
        for (JsonPath batch : batches) {
            assertEquals("EMAIL", batch.getString("channel"));
            List<Map<String, Object>> customers = batch.getList("customers");
            assertTrue(customers.size() <= 500);
            customers.forEach(c -> ids.add((String) c.get("id")));
        }
        assertEquals(rows, ids.size());
        Map<String, Object> first = batches.get(0).getMap("customers[0]");
        assertEquals("c-0", first.get("id"), "the byte-order mark does not hide the id column");
        assertEquals("Li, Wei", first.get("name"));
        assertEquals("zh-CN", first.get("locale"));
        assertEquals("active", first.get("lifecycleStage"));
        assertEquals(Map.of("region", "cn"), first.get("attributes"));

        given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "en").when().get("/console/admin/surveys/s-1")
                .then().statusCode(200)
                .body(allOf(containsString("c-1001"), containsString("550 mailbox unavailable"), containsString("Upload and invite")));
    }

    @Test
    void aCsvWithoutAnIdColumnIsRefusedBeforeAnythingIsSent() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/surveys/s-2").asString());
        int before = allSent("POST /api/v1/surveys/s-2/invitations").size();
        given().cookie(Web.SESSION_COOKIE, admin).multiPart("_csrf", csrf).multiPart("channel", "LINK")
                .multiPart("file", "c.csv", "email,name\na@example.com,A\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/console/admin/surveys/s-2/invitations")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("column named &quot;id&quot;"));
        given().cookie(Web.SESSION_COOKIE, admin).multiPart("_csrf", csrf).multiPart("channel", "LINK")
                .multiPart("file", "c.csv", "id,email\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/console/admin/surveys/s-2/invitations")
                .then().statusCode(400).body(containsString("no customers"));
        assertEquals(before, allSent("POST /api/v1/surveys/s-2/invitations").size());
    }

    @Test
    void rowsWithLongAttributesGoInSmallerBatchesThanTheGatewaysBodyLimit() throws InterruptedException {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/surveys/s-2").asString());
        StringBuilder csv = new StringBuilder("id");
        for (int a = 0; a < 20; a++) {
            csv.append(",note").append(a);
        }
        csv.append('\n');
        String note = "很长的备注".repeat(100);
        for (int i = 0; i < 60; i++) {
            csv.append("long-").append(i);
            for (int a = 0; a < 20; a++) {
                csv.append(',').append(note);
            }
            csv.append('\n');
        }
        int before = allSent("POST /api/v1/surveys/s-2/invitations").size();
        String location = given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin)
                .multiPart("_csrf", csrf).multiPart("channel", "LINK")
                .multiPart("file", "long.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/console/admin/surveys/s-2/invitations").then().statusCode(303).extract().header("Location");
        String progress = finished(admin, location);
        assertTrue(progress.contains("<dd id=\"import-invited\">60</dd>"), progress);
        assertTrue(progress.contains("<dd id=\"import-failed\">0</dd>"), progress);
        List<JsonPath> batches = allSent("POST /api/v1/surveys/s-2/invitations");
        batches = batches.subList(before, batches.size());
        assertTrue(batches.size() >= 3, "60 rows of 10,000 characters need several requests: " + batches.size());
        assertEquals(60, batches.stream().mapToInt(b -> b.getList("customers").size()).sum());
        assertEquals(note, batches.get(0).getString("customers[0].attributes.note19"));
    }

    @Test
    void agentsAndProductUsersAreRefusedEveryAdminPageAndDoNotSeeTheLinks() {
        String agent = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        for (String session : List.of(agent, product)) {
            for (String page : ADMIN_PAGES) {
                given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).when().get(page)
                        .then().statusCode(403).contentType(containsString("text/html")).body(containsString("Your role may not do this"));
            }
        }
        String agentCsrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, agent).when().get("/console/queue")
                .then().statusCode(200).body(not(containsString("/console/admin/"))).extract().asString());
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, agent).contentType(FORM)
                .formParam("_csrf", agentCsrf).formParam("name", "sneaky").formParam("role", "ADMIN")
                .when().post("/console/admin/api-keys").then().statusCode(403);
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/dashboard")
                .then().statusCode(200).body(not(containsString("/console/admin/")));
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/dashboard")
                .then().statusCode(200).body(allOf(containsString("href=\"/console/admin/teams\""), containsString("href=\"/console/admin/api-keys\"")));
        // Without a session: the sign-in page, as for every console page.
        given().redirects().follow(false).when().get("/console/admin/teams")
                .then().statusCode(303).header("Location", containsString("/console/sign-in"));
    }

    @Test
    void everyAdminFormWithoutTheCsrfTokenIs403AndNothingReachesTheApi() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        Map<String, String> forms = Map.of(
                "/console/admin/teams", "POST /api/v1/teams",
                "/console/admin/teams/vip-care", "PUT /api/v1/teams/vip-care",
                "/console/admin/routing-rules", "POST /api/v1/routing-rules",
                "/console/admin/routing-rules/r-1", "PUT /api/v1/routing-rules/r-1",
                "/console/admin/routing-rules/r-1/delete", "DELETE /api/v1/routing-rules/r-1",
                "/console/admin/routing-rules/test", "POST /api/v1/routing-rules/test",
                "/console/admin/sla-policies/P3", "PUT /api/v1/sla-policies/P3",
                "/console/admin/surveys", "POST /api/v1/surveys",
                "/console/admin/surveys/s-1/status", "PUT /api/v1/surveys/s-1");
        forms.forEach((form, request) -> {
            given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM)
                    .formParam("name", "forged-" + form).formParam("status", "CLOSED").formParam("text", "forged-" + form)
                    .when().post(form)
                    .then().statusCode(403).contentType(containsString("text/html")).body(containsString("Reload the page"));
            String service = request.contains("/surveys") ? "survey" : "ticket";
            assertFalse(ConsoleSessions.lastReceived(service, request).getString("body") != null
                    && ConsoleSessions.lastReceived(service, request).getString("body").contains("forged-" + form), form);
        });
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).multiPart("_csrf", "wrong").multiPart("channel", "EMAIL")
                .multiPart("file", "c.csv", "id\nc-1\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/console/admin/surveys/s-1/invitations").then().statusCode(403);
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin).contentType(FORM).formParam("name", "forged key")
                .formParam("role", "ADMIN").when().post("/console/admin/api-keys").then().statusCode(403);
        given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY).when().get("/api/v1/api-keys?limit=200")
                .then().statusCode(200).body(not(containsString("forged key")));
    }

    @Test
    void importsAreVisibleOnlyToTheSessionThatStartedThem() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/surveys/s-2").asString());
        String location = given().redirects().follow(false).cookie(Web.SESSION_COOKIE, admin)
                .multiPart("_csrf", csrf).multiPart("channel", "IN_APP")
                .multiPart("file", "c.csv", "id\nc-9\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/console/admin/surveys/s-2/invitations").then().statusCode(303).extract().header("Location");
        String other = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        given().cookie(Web.SESSION_COOKIE, other).when().get(location).then().statusCode(404);
        given().cookie(Web.SESSION_COOKIE, admin).when().get(location.replace("/s-2/", "/s-1/")).then().statusCode(404);
        given().cookie(Web.SESSION_COOKIE, admin).when().get(location).then().statusCode(200);
    }

    @Test
    void everyAdminPageRendersInChineseAndEnglish() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        for (String page : ADMIN_PAGES) {
            given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "zh-CN,zh;q=0.9").when().get(page)
                    .then().statusCode(200).body(allOf(containsString("<html lang=\"zh-CN\">"), containsString("系统管理"),
                            not(containsString("Something went wrong"))));
            given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "en").when().get(page)
                    .then().statusCode(200).body(allOf(containsString("<html lang=\"en\">"), containsString("Administration")));
        }
        // Empty states: a draft survey takes no invitations yet and has none.
        given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "zh-CN").when().get("/console/admin/surveys/s-3")
                .then().statusCode(200).body(allOf(containsString("只有进行中的问卷才能发送邀请"), containsString("还没有邀请"),
                        not(containsString("enctype=\"multipart/form-data\""))));
        // Instants as people read them.
        given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/admin/surveys/s-1")
                .then().statusCode(200).body(allOf(containsString("2026-11-05 01:00 UTC"), not(containsString("2026-11-05T01:00:00Z"))));
    }

    @Test
    void theChineseTextsHaveEveryKeyTheEnglishOnesHave() throws java.io.IOException {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/console/i18n/messages_en.properties");
                var b = getClass().getResourceAsStream("/console/i18n/messages_zh_CN.properties")) {
            en.load(new java.io.InputStreamReader(a, StandardCharsets.UTF_8));
            zh.load(new java.io.InputStreamReader(b, StandardCharsets.UTF_8));
        }
        Set<Object> missing = new HashSet<>(en.keySet());
        missing.removeAll(zh.keySet());
        assertEquals(Set.of(), missing, "keys without a Chinese text");
    }

    /** Polls the progress fragment as htmx does until the import is finished, and answers the last fragment. */
    private static String finished(String session, String location) throws InterruptedException {
        String progress = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            progress = given().cookie(Web.SESSION_COOKIE, session).header("HX-Request", "true").header("Accept-Language", "en")
                    .when().get(location + "/progress").then().statusCode(200).extract().asString();
            if (progress.contains("data-finished=\"true\"")) {
                break;
            }
            assertTrue(progress.contains("hx-trigger=\"load delay:1s\""), "keeps polling while it runs");
            Thread.sleep(200);
        }
        assertTrue(progress.contains("data-finished=\"true\""), progress);
        return progress;
    }

    /** The JSON body the stub of a service last received for "METHOD path". */
    private static JsonPath sent(String service, String request) {
        return new JsonPath(ConsoleSessions.lastReceived(service, request).getString("body"));
    }

    /** Every JSON body survey-service's stub received for "METHOD path" from the console, in order. */
    private static List<JsonPath> allSent(String request) {
        String url = ConfigProvider.getConfig().getValue("vocloop.gateway.services.survey.url", String.class);
        List<String> bodies = given().baseUri(url).queryParam("request", request).when().get("/_stub/all").then().statusCode(200)
                .extract().jsonPath().getList("body", String.class);
        return bodies.stream().map(JsonPath::new).toList();
    }
}
