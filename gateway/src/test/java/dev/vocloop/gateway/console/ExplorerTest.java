package dev.vocloop.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.testing.TestTokens;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.vocloop.gateway.StubServices;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feedback explorer, NPS by segment, the queue filters and the unsubscribe page, over HTTP. */
@QuarkusTest
class ExplorerTest {

    private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"([^\"]+)\"");

    @BeforeEach
    void freshFeedback() {
        given().baseUri(feedbackStub()).when().post("/_stub/feedback/reset").then().statusCode(204);
    }

    @Test
    void agentsCannotOpenTheExplorerAndDoNotSeeItInTheNavigation() {
        String agent = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        given().cookie(Web.SESSION_COOKIE, agent).when().get("/console/explorer")
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("Your role may not do this"));
        given().cookie(Web.SESSION_COOKIE, agent).when().get("/console/explorer/fb-01").then().statusCode(403);
        given().cookie(Web.SESSION_COOKIE, agent).when().get("/console/explorer/export.csv").then().statusCode(403);
        given().cookie(Web.SESSION_COOKIE, agent).when().get("/console/queue")
                .then().statusCode(200).body(not(containsString("href=\"/console/explorer\"")));
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/dashboard")
                .then().statusCode(200).body(containsString("href=\"/console/explorer\""));
    }

    @Test
    void filtersNarrowTheList() {
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        assertEquals(List.of("fb-02", "fb-01"), ids(product, "intent=BUG"));
        assertEquals(List.of("fb-01"), ids(product, "intent=BUG&language=zh"));
        assertEquals(List.of("fb-04"), ids(product, "channel=SOCIAL"));
        assertEquals(List.of("fb-07", "fb-01"), ids(product, "topic=BILLING"));
        assertEquals(List.of("fb-05"), ids(product, "sentiment=POSITIVE"));
        assertEquals(List.of("fb-07", "fb-01"), ids(product, "priority=P1"));
        assertEquals(List.of("fb-06", "fb-08", "fb-03"), ids(product, "triage=yes"));
        // "to" is a whole day: the 26th until midnight is in, an item at 00:00 on the 27th is not.
        assertEquals(List.of("fb-06", "fb-04"), ids(product, "from=2026-11-25&to=2026-11-26"));
        JsonPath sent = lastFeedbackCall();
        assertTrue(sent.getString("list.query").contains("from=2026-11-25T00:00:00Z"), sent.getString("list.query"));
        assertTrue(sent.getString("list.query").contains("to=2026-11-27T00:00:00Z"), sent.getString("list.query"));
        // The chosen filters stay selected on the page.
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer?intent=BUG&language=zh")
                .then().statusCode(200).body(allOf(containsString("<option value=\"BUG\" selected>"),
                        containsString("<option value=\"zh\" selected>"), containsString("export.csv?intent=BUG&amp;language=zh")));
    }

    @Test
    void keywordSearchFindsChineseAndEnglishItems() {
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        assertEquals(List.of("fb-01"), ids(product, "q=" + Web.enc("闪退")));
        assertEquals(List.of("fb-04"), ids(product, "q=" + Web.enc("客服也不回复")));
        assertEquals(List.of("fb-02"), ids(product, "q=CRASH"));
        assertEquals(List.of("fb-07"), ids(product, "q=" + Web.enc("charged twice")));
        assertEquals(List.of(), ids(product, "q=" + Web.enc("支付宝") + "&language=en"));
        given().cookie(Web.SESSION_COOKIE, product).header("Accept-Language", "zh-CN").queryParam("q", "没有这个词").when()
                .get("/console/explorer")
                .then().statusCode(200).body(allOf(containsString("反馈浏览"), containsString("没有符合这些条件的反馈"),
                        containsString("value=\"没有这个词\"")));
        given().cookie(Web.SESSION_COOKIE, product).header("Accept-Language", "zh-CN").queryParam("q", "闪退").when().get("/console/explorer")
                .then().statusCode(200).body(allOf(containsString("支付的时候app闪退了"), containsString("故障"), containsString("计费"),
                        containsString("负面"), not(containsString("13812345678"))));
    }

    @Test
    void theListPagesWithTheApisCursor() {
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        String first = page(product, "");
        assertEquals(25, rowIds(first).size());
        Matcher next = Pattern.compile("href=\"(/console/explorer\\?cursor=[^\"]+)\" rel=\"next\"").matcher(first);
        assertTrue(next.find(), "a next page link");
        String second = given().cookie(Web.SESSION_COOKIE, product).urlEncodingEnabled(false).when()
                .get(next.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asString();
        assertEquals(List.of("fb-f02", "fb-f01", "fb-f00"), rowIds(second));
        assertFalse(second.contains("rel=\"next\""));
        assertTrue(second.contains("First page"));
    }

    @Test
    void refusedFiltersAreSentencesOnTheListPage() {
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer?intent=NOPE")
                .then().statusCode(200).body(allOf(containsString("role=\"alert\""),
                        containsString("Some of the input was not accepted"), containsString("intent: must be one of"),
                        not(containsString("problem+json")), not(containsString("\"status\""))));
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer?from=28.11.2026")
                .then().statusCode(200).body(containsString("Please enter dates as year-month-day"));
    }

    @Test
    void theItemShowsMaskedTextClassificationPriorityAndLoop() {
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer/fb-01")
                .then().statusCode(200).body(allOf(containsString("请联系我 [PHONE]"), not(containsString("13812345678")),
                        containsString("Bug <span class=\"muted\">91 %</span>"), containsString("Billing <span class=\"muted\">83 %</span>"),
                        containsString("Negative <span class=\"muted\">-0.80</span>"), containsString("P1"),
                        containsString("86 / 100"), containsString("URGENT_PHRASE"), containsString("+15"),
                        containsString("Ticket open · t-1 · billing"), containsString("c-1001 · gold · active")));
        // Admins may read the original (feedback-service decides by role).
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/explorer/fb-01")
                .then().statusCode(200).body(containsString("13812345678"));
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer/nope-404")
                .then().statusCode(404).contentType(containsString("text/html")).body(not(containsString("Exception")));
    }

    @Test
    void aCorrectionNeedsTheCsrfTokenAndChangesTheClassification() {
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        String page = given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer/fb-08?back=/console/explorer?triage=yes")
                .then().statusCode(200).body(allOf(containsString("needs triage"), containsString("Other <span class=\"muted\">31 %</span>")))
                .extract().asString();
        String csrf = ConsoleSessions.csrfOf(page);

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, product).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("intent", "FEATURE_REQUEST").when().post("/console/explorer/fb-08/correct")
                .then().statusCode(403).body(containsString("Reload the page"));
        assertEquals(null, lastFeedbackCall().getString("patch.body"), "nothing reached feedback-service without the token");

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, product).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf).formParam("intent", "FEATURE_REQUEST").formParam("topic", "BILLING")
                .formParam("sentiment", "NEUTRAL").formParam("back", "/console/explorer?triage=yes")
                .when().post("/console/explorer/fb-08/correct")
                .then().statusCode(303).header("Location", allOf(containsString("/console/explorer/fb-08?done=corrected"),
                        containsString("back=%2Fconsole%2Fexplorer%3Ftriage%3Dyes")));
        JsonPath patch = lastFeedbackCall();
        assertEquals("PRODUCT", patch.getString("patch.role"), "through the gateway with the user's key");
        JsonPath body = new JsonPath(patch.getString("patch.body"));
        assertEquals("FEATURE_REQUEST", body.getString("intent"));
        assertEquals("BILLING", body.getString("topic"));
        assertEquals("NEUTRAL", body.getString("sentiment"));

        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer/fb-08?done=corrected")
                .then().statusCode(200).body(allOf(containsString("The classification is corrected"),
                        containsString("Feature request <span class=\"muted\">100 %</span>"),
                        containsString("Billing <span class=\"muted\">100 %</span>"), containsString("by a person")));
        assertEquals(List.of("fb-06", "fb-03"), ids(product, "triage=yes"), "a corrected item leaves the triage list");
        assertTrue(ids(product, "intent=FEATURE_REQUEST").contains("fb-08"));

        // A label feedback-service refuses comes back as its sentence, not as problem+json.
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, product).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf).formParam("topic", "SHIPPING").when().post("/console/explorer/fb-08/correct")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(allOf(containsString("Some of the input was not accepted"), containsString("topic: must be one of")));
    }

    @Test
    void theCsvExportHasABomAndNoRunnableFormulas() throws IOException {
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        Response r = given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer/export.csv?topic=BILLING");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        assertTrue(r.getHeader("Content-Disposition").startsWith("attachment; filename=\"feedback-"), r.getHeader("Content-Disposition"));
        byte[] bytes = r.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 byte order mark");
        assertFalse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).contains("\uFEFF"), "exactly one BOM");
        JsonPath sent = lastFeedbackCall();
        assertEquals("topic=BILLING", sent.getString("list.query"), "the export is the current filter, without paging");
        assertTrue(sent.getString("list.accept").contains("text/csv"));

        List<List<String>> rows = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertEquals("id", header.get(0));
        assertEquals(3, rows.size(), "header and the two BILLING items");
        List<String> evil = rows.get(1);
        assertEquals("fb-07", evil.get(0));
        assertEquals("'@SUM(1+1)", evil.get(header.indexOf("product")));
        assertEquals("'-2+3", evil.get(header.indexOf("customerId")));
        assertTrue(evil.get(header.indexOf("text")).startsWith("'=HYPERLINK("), evil.get(header.indexOf("text")));
        assertEquals("-0.75", evil.get(header.indexOf("sentimentScore")), "plain numbers stay numbers");
        List<String> chinese = rows.get(2);
        assertEquals("支付的时候app闪退了，钱扣了但订单没有，请联系我 [PHONE]", chinese.get(header.indexOf("text")));
        for (List<String> row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, "no cell starts a formula: " + cell);
            }
        }
        // An export of a filter the API refuses is a human page, not a broken file.
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/explorer/export.csv?channel=FAX")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("channel: must be one of"));
    }

    @Test
    void theDashboardShowsNpsByTierAndLifecycleStage() {
        String admin = ConsoleSessions.signIn(StubServices.ADMIN_KEY);
        given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/dashboard")
                .then().statusCode(200).body(allOf(containsString("NPS by customer tier"), containsString("NPS by lifecycle stage"),
                        containsString("gold"), containsString("33.8 … 54.9"), containsString("(not set)"),
                        containsString("few answers"), containsString("High value"), containsString("Dormant"),
                        containsString("id=\"seg-tier-chart\""), containsString("/console/nps-segments.js"),
                        // the existing tiles are still there
                        containsString("n = 240"), containsString("64.0 %")));
        given().cookie(Web.SESSION_COOKIE, admin).header("Accept-Language", "zh-CN").when().get("/console/dashboard")
                .then().statusCode(200).body(allOf(containsString("按客户等级的 NPS"), containsString("高价值"), containsString("样本不足")));
        given().when().get("/console/nps-segments.js").then().statusCode(200).body(containsString("new Chart"));
    }

    @Test
    void queueFiltersNarrowTheQueueAndKeepRefreshing() {
        String agent = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        assertEquals(List.of("t-1"), queue(agent, "sla=breached"));
        assertEquals(List.of("t-1", "t-2"), queue(agent, "sla=late"));
        assertEquals(List.of("t-2"), queue(agent, "sla=risk"));
        assertEquals(List.of("t-1", "t-3"), queue(agent, "assignee=none"));
        assertEquals(List.of("t-3"), queue(agent, "priority=P3"));
        assertEquals(List.of("t-2"), queue(agent, "status=IN_PROGRESS"));
        assertEquals(List.of(), queue(agent, "assignee=me"));
        given().cookie(Web.SESSION_COOKIE, agent).when().get("/console/queue?team=billing&sla=late&assignee=none")
                .then().statusCode(200).body(allOf(containsString("hx-get=\"/console/queue/rows?team=billing&amp;sla=late&amp;assignee=none\""),
                        containsString("hx-trigger=\"every 30s\""), containsString("<option value=\"late\" selected>")));
        given().cookie(Web.SESSION_COOKIE, agent).when().get("/console/queue/rows?team=billing&sla=late&assignee=none")
                .then().statusCode(200).body(allOf(containsString("/console/tickets/t-1"), not(containsString("/console/tickets/t-2"))));
        given().cookie(Web.SESSION_COOKIE, agent).header("Accept-Language", "zh-CN").when().get("/console/queue?team=billing&assignee=me")
                .then().statusCode(200).body(allOf(containsString("没有符合筛选条件的工单"), containsString("分配给我")));
    }

    @Test
    void aCustomerUnsubscribesAfterConfirming() throws Exception {
        String token = "unsub-token-fresh-0001";
        given().header("Accept-Language", "zh-CN").when().get("/unsubscribe/" + token)
                .then().statusCode(200).header("Referrer-Policy", "same-origin").header("Cache-Control", "no-store")
                .body(allOf(containsString("<html lang=\"zh-CN\">"), containsString("退订我们的邮件"),
                        containsString("action=\"/unsubscribe/" + token + "\""), containsString("name=\"viewport\"")));
        assertEquals(null, ConsoleSessions.lastReceived("survey", "POST /api/v1/unsubscribe/" + token).getString("method"),
                "opening the link changes nothing");
        given().header("Accept-Language", "en").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .when().post("/unsubscribe/" + token)
                .then().statusCode(200).body(allOf(containsString("You are unsubscribed"), containsString("role=\"status\"")));
        JsonPath sent = ConsoleSessions.lastReceived("survey", "POST /api/v1/unsubscribe/" + token);
        assertEquals("POST", sent.getString("method"));
        assertEquals("token", TestTokens.verify(sent.getString("headers.authorization")).getSubject(), "the public route, no key");

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").when().post("/unsubscribe/unsub-token-used-0001")
                .then().statusCode(200).body(allOf(containsString("Already unsubscribed"), containsString("2026-10-02")));
        given().header("Accept-Language", "zh-CN").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .when().post("/unsubscribe/unsub-token-gone-0001")
                .then().statusCode(404).body(containsString("该链接无效"));
        given().when().get("/unsubscribe/short").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("This link is not valid"));
    }

    private static List<String> ids(String session, String query) {
        return rowIds(page(session, query));
    }

    private static String page(String session, String query) {
        return given().cookie(Web.SESSION_COOKIE, session).urlEncodingEnabled(false).when()
                .get("/console/explorer" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().asString();
    }

    private static List<String> rowIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW_ID.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> queue(String session, String query) {
        String html = given().cookie(Web.SESSION_COOKIE, session).when().get("/console/queue?team=billing&" + query)
                .then().statusCode(200).extract().asString();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"/console/tickets/([^\"]+)\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<List<String>> parse(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().readerFor(String[].class).with(CsvSchema.emptySchema())
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
            while (it.hasNextValue()) {
                rows.add(Arrays.asList(it.nextValue()));
            }
        }
        return rows;
    }

    private static JsonPath lastFeedbackCall() {
        return given().baseUri(feedbackStub()).when().get("/_stub/feedback/last").then().statusCode(200).extract().jsonPath();
    }

    private static String feedbackStub() {
        return ConfigProvider.getConfig().getValue("vocloop.gateway.services.feedback.url", String.class);
    }
}
