package dev.vocloop.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import dev.vocloop.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsoleTest {

    @Test
    void signInSetsAnHttpOnlySameSiteStrictCookieAndSendsAgentsToTheirQueue() {
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("apiKey", ConsoleSessions.key("AGENT", "billing")).when().post("/console/sign-in");
        assertEquals(303, r.statusCode());
        assertTrue(r.getHeader("Location").endsWith("/console/queue"), r.getHeader("Location"));
        String cookie = r.getHeader("Set-Cookie");
        assertTrue(cookie.startsWith(Web.SESSION_COOKIE + "="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "no Secure over plain http: " + cookie);
        // The cookie is an opaque id, never the key.
        assertTrue(r.getCookie(Web.SESSION_COOKIE).length() >= 40);
    }

    @Test
    void theCookieIsSecureBehindHttps() {
        Response r = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("apiKey", ConsoleSessions.key("PRODUCT")).when().post("/console/sign-in");
        assertEquals(303, r.statusCode());
        assertTrue(r.getHeader("Location").endsWith("/console/dashboard"));
        assertTrue(r.getHeader("Set-Cookie").contains("Secure"), r.getHeader("Set-Cookie"));
    }

    @Test
    void unknownKeysAndAppKeysCannotSignIn() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("apiKey", "vlk_nope")
                .when().post("/console/sign-in")
                .then().statusCode(401).contentType(containsString("text/html")).header("Set-Cookie", nullValue())
                .body(containsString("unknown or has been revoked"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .formParam("apiKey", ConsoleSessions.key("CUSTOMER_APP")).when().post("/console/sign-in")
                .then().statusCode(403).header("Set-Cookie", nullValue()).body(containsString("不能登录控制台"));
    }

    @Test
    void pagesWithoutASessionSendToTheSignInPage() {
        given().redirects().follow(false).when().get("/console/queue")
                .then().statusCode(303).header("Location", containsString("/console/sign-in?reason=signed-out"));
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, "made-up").when().get("/console/dashboard")
                .then().statusCode(303).header("Location", containsString("/console/sign-in?reason=expired"));
        // htmx refreshes are told to navigate instead of swapping the sign-in page into the table.
        given().redirects().follow(false).header("HX-Request", "true").when().get("/console/queue/rows?team=billing")
                .then().statusCode(200).header("HX-Redirect", startsWith("/console/sign-in"));
    }

    @Test
    void theQueueShowsPrioritySlaAndRefreshesInEnglishAndChinese() {
        String session = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        given().cookie(Web.SESSION_COOKIE, session).header("Accept-Language", "en-US,en;q=0.9").when().get("/console/queue")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(allOf(containsString("Team queue"), containsString("重复扣款 charged twice"), containsString("-35m"),
                        containsString("breached"), containsString("at risk"), containsString("hx-trigger=\"every 30s\""),
                        containsString("/_static/htmx.org/2.0.2/dist/htmx.min.js"), not(containsString("http://cdn")),
                        not(containsString("https://"))));
        given().cookie(Web.SESSION_COOKIE, session).header("Accept-Language", "zh-CN,zh;q=0.9").when().get("/console/queue")
                .then().statusCode(200)
                .body(allOf(containsString("<html lang=\"zh-CN\">"), containsString("团队工单队列"), containsString("已超时"),
                        containsString("即将超时")));
        given().cookie(Web.SESSION_COOKIE, session).when().get("/console/queue/rows?team=billing")
                .then().statusCode(200).body(allOf(containsString("/console/tickets/t-2"), not(containsString("<html"))));
    }

    @Test
    void theLanguageChoiceIsKeptInACookieAndTheWayBackStaysOnThisSite() {
        Response r = given().redirects().follow(false).when().get("/console/lang?to=zh-CN&back=/follow-up/tok-open");
        assertEquals(303, r.statusCode());
        assertTrue(r.getHeader("Location").endsWith("/follow-up/tok-open"));
        assertEquals("zh-CN", r.getCookie("vocloop_lang"));
        given().cookie("vocloop_lang", "zh-CN").header("Accept-Language", "en").when().get("/console/sign-in")
                .then().statusCode(200).body(containsString("API 密钥"));
        given().redirects().follow(false).when().get("/console/lang?to=en&back=//evil.example.com/x")
                .then().statusCode(303).header("Location", not(containsString("evil")));
        given().when().get("/console/lang?to=fr").then().statusCode(400).contentType(containsString("text/html"));
    }

    @Test
    void theTicketPageShowsTheCaseAndAnActionWithoutTheCsrfTokenIs403() throws Exception {
        String session = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        String page = given().cookie(Web.SESSION_COOKIE, session).when().get("/console/tickets/t-1")
                .then().statusCode(200)
                .body(allOf(containsString("支付的时候app闪退了"), containsString("Payment provider confirms"),
                        containsString("Assign to me"), containsString("Resolve")))
                .extract().asString();
        String csrf = ConsoleSessions.csrfOf(page);

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("body", "forged").when().post("/console/tickets/t-1/comment")
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("Reload the page"));
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf + "x").formParam("body", "forged").when().post("/console/tickets/t-1/comment")
                .then().statusCode(403);
        assertTrue(ConsoleSessions.lastReceived("ticket", "POST /api/v1/tickets/t-1/comments").getString("body") == null
                || !ConsoleSessions.lastReceived("ticket", "POST /api/v1/tickets/t-1/comments").getString("body").contains("forged"));

        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf).formParam("body", "已联系支付渠道").formParam("visibility", "PUBLIC")
                .when().post("/console/tickets/t-1/comment")
                .then().statusCode(303).header("Location", containsString("/console/tickets/t-1?done=commented"));
        JsonPath sent = ConsoleSessions.lastReceived("ticket", "POST /api/v1/tickets/t-1/comments");
        assertEquals(List.of("AGENT"), TestTokens.verify(sent.getString("headers.authorization")).getStringListClaimValue("groups"),
                "the page went through the gateway with the agent's key");
        JsonPath body = new JsonPath(sent.getString("body"));
        assertEquals("已联系支付渠道", body.getString("body"));
        assertEquals("PUBLIC", body.getString("visibility"));
    }

    @Test
    void resolvingSendsTheNoteAndAnEmptyNoteIsAHumanError() {
        String session = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, session).when().get("/console/queue").asString());
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf).formParam("resolution", " ").when().post("/console/tickets/t-1/resolve")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("the customer will read it"));
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf).formParam("resolution", "Refunded the double charge.").when().post("/console/tickets/t-1/resolve")
                .then().statusCode(303);
        assertEquals("Refunded the double charge.",
                new JsonPath(ConsoleSessions.lastReceived("ticket", "POST /api/v1/tickets/t-1/resolve").getString("body")).getString("resolution"));
    }

    @Test
    void apiRefusalsBecomeHumanPagesNotProblemJson() {
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        // A product key may not use the queue page; a bad id is a 404 page.
        given().cookie(Web.SESSION_COOKIE, product).when().get("/console/queue?team=billing")
                .then().statusCode(403).contentType(containsString("text/html")).body(containsString("Your role may not do this"));
        String agent = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        given().cookie(Web.SESSION_COOKIE, agent).when().get("/console/tickets/bad%20id")
                .then().statusCode(404).contentType(containsString("text/html")).body(not(containsString("Exception")));
    }

    @Test
    void signOutNeedsTheTokenAndEndsTheSession() {
        String session = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        String csrf = ConsoleSessions.csrfOf(given().cookie(Web.SESSION_COOKIE, session).when().get("/console/queue").asString());
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .when().post("/console/sign-out").then().statusCode(403);
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", csrf).when().post("/console/sign-out")
                .then().statusCode(303).header("Set-Cookie", containsString("Max-Age=0"));
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).when().get("/console/queue")
                .then().statusCode(303).header("Location", containsString("/console/sign-in"));
    }

    @Test
    void theDashboardShowsNpsVolumesAndLoopRates() {
        String admin = ConsoleSessions.signIn(dev.vocloop.gateway.StubServices.ADMIN_KEY);
        given().cookie(Web.SESSION_COOKIE, admin).when().get("/console/dashboard")
                .then().statusCode(200)
                .body(allOf(containsString("15.2"), containsString("34.1"), containsString("n = 240"), containsString("64.0 %"),
                        containsString("7.0 %"), containsString("BUG"), containsString("/webjars/chart.js/4.5.1/dist/chart.umd.min.js"),
                        containsString("&quot;significant&quot;:true")));
        // Product keys may not read ticket metrics: that tile is empty, the page still works.
        String product = ConsoleSessions.signIn(ConsoleSessions.key("PRODUCT"));
        given().cookie(Web.SESSION_COOKIE, product).header("Accept-Language", "zh-CN").when().get("/console/dashboard")
                .then().statusCode(200).body(allOf(containsString("数据看板"), containsString("无法查看工单指标"), containsString("n = 240")));
    }

    @Test
    void theBrowserLibrariesAreServedFromTheGateway() {
        given().when().get(ConsolePages.HTMX).then().statusCode(200).body(containsString("htmx"));
        given().when().get(ConsolePages.CHART_JS).then().statusCode(200).body(containsString("Chart"));
        given().when().get("/console/console.css").then().statusCode(200);
    }

    @Test
    void theFollowUpPagePostsTheAnswerThroughTheGateway() throws Exception {
        given().header("Accept-Language", "zh-CN,zh;q=0.9").when().get("/follow-up/tok-open?solved=yes")
                .then().statusCode(200)
                .body(allOf(containsString("您的问题解决了吗"), containsString("已修复支付回调的闪退问题"),
                        containsString("value=\"yes\" required checked")));
        // The customer's browser, as the ingress in front of the gateway reports it.
        given().header("Accept-Language", "en").header("X-Forwarded-For", "198.51.100.4")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("solved", "yes").formParam("rating", "4").formParam("comment", "thanks!")
                .when().post("/follow-up/tok-open")
                .then().statusCode(200).body(containsString("Great to hear it is solved"));
        JsonPath sent = ConsoleSessions.lastReceived("survey", "POST /api/v1/follow-ups/tok-open/answer");
        assertEquals("token", TestTokens.verify(sent.getString("headers.authorization")).getSubject());
        // The console passes the customer's address on, so the per-address limit counts the customer.
        assertEquals("198.51.100.4, 127.0.0.1", sent.getString("headers.x-forwarded-for"));
        JsonPath body = new JsonPath(sent.getString("body"));
        assertEquals(true, body.getBoolean("solved"));
        assertEquals(4, body.getInt("rating"));
        assertEquals("thanks!", body.getString("comment"));
    }

    @Test
    void followUpLinksThatAreUsedUnknownOrBadGetClearPages() {
        given().when().get("/follow-up/tok-used").then().statusCode(409).body(containsString("already been answered"));
        given().header("Accept-Language", "zh-CN").when().get("/follow-up/tok-gone").then().statusCode(404).body(containsString("该链接无效"));
        given().when().get("/follow-up/bad.token").then().statusCode(404).contentType(containsString("text/html"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("solved", "maybe").when().post("/follow-up/tok-open")
                .then().statusCode(400).body(containsString("Please choose whether the problem is solved"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("solved", "no").formParam("rating", "9")
                .when().post("/follow-up/tok-open").then().statusCode(400).contentType(containsString("text/html"));
    }

    @Test
    void theSurveyPageOffersTheScaleAndPostsTheResponse() {
        String page = given().when().get("/survey/tok-s1").then().statusCode(200).extract().asString();
        assertEquals(11, page.split("name=\"score\"", -1).length - 1, "0-10 buttons");
        String csat = given().when().get("/survey/tok-s1?scale=csat").then().statusCode(200).extract().asString();
        assertEquals(5, csat.split("name=\"score\"", -1).length - 1, "1-5 buttons");
        given().header("Accept-Language", "zh-CN").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("score", "9").formParam("scale", "nps").formParam("comment", "客服很快")
                .when().post("/survey/tok-s1").then().statusCode(200).body(containsString("感谢您的回答"));
        JsonPath body = new JsonPath(ConsoleSessions.lastReceived("survey", "POST /api/v1/survey-responses").getString("body"));
        assertEquals("tok-s1", body.getString("token"));
        assertEquals(9, body.getInt("score"));
        assertEquals("客服很快", body.getString("comment"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("score", "11").formParam("scale", "nps")
                .when().post("/survey/tok-s1").then().statusCode(400).body(containsString("not accepted"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("scale", "nps")
                .when().post("/survey/tok-s1").then().statusCode(400).body(containsString("Please choose a score"));
    }

    @Test
    void pagesLetBrowsersSendTheirOriginOnFormPostsAndAreNotCached() {
        given().when().get("/follow-up/tok-open").then().statusCode(200)
                .header("Referrer-Policy", "same-origin").header("Cache-Control", "no-store");
        // What a browser sends under "same-origin": the CORS filter lets the page's own origin through.
        given().header("Origin", io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("solved", "no")
                .when().post("/follow-up/tok-open").then().statusCode(200).body(containsString("reopened"));
    }

    @Test
    void consoleCookiesNeverLeakToTheApi() {
        // The API keeps authenticating by key only: a console session cookie is no credential there.
        String session = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        given().cookie(Web.SESSION_COOKIE, session).when().get("/api/v1/tickets").then().statusCode(401)
                .body("status", equalTo(401));
    }
}
