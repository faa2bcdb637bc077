package dev.vocloop.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.vocloop.local.demo.DemoLoader;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console, the customer pages and the in-app widget in headless Chromium against the whole
 * platform, started once as {@code ./vocloop up --demo} starts it: the demo data, the widget on its
 * demo page and on a page of another origin, an agent resolving a ticket whose follow-up e-mail the
 * customer answers (closing the loop), a survey answered on a phone in Chinese that the dashboard
 * then counts, CSRF and session expiry. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleFlowsIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration ASYNC = Duration.ofSeconds(30);
    /** Short enough to test, long enough for a slow page on a busy CI machine. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(45);
    private static final Pattern FOLLOW_UP_LINK = Pattern.compile("/follow-up/([A-Za-z0-9_-]{20,})");
    private static final Pattern DEMO_TIME = Pattern.compile("Demo data loaded in ([0-9.]+) s");

    private static Path home;
    private static RunningPlatform platform;
    private static HttpServer otherOrigin;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static String idleSessionCookie;
    private static long idleSince;
    private static String surveyPath;
    private static String ticketId;
    private static String feedbackId;
    private static String agentKey;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver");
        }
        // A page of another origin that embeds the widget; the launcher adds it to the gateway's CORS list.
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherOrigin.start();
        String origin = "http://127.0.0.1:" + otherOrigin.getAddress().getPort();
        home = Files.createTempDirectory("vocloop-e2e-console");
        platform = RunningPlatform.start(home, RunningPlatform.freePorts(),
                Map.of("VOCLOOP_CORS_ORIGINS", origin, "CONSOLE_SESSION_IDLE_TIMEOUT", IDLE_TIMEOUT.toSeconds() + "s"), "--demo");

        // A session that stays idle for the rest of the run; the last test checks that it expired.
        idleSessionCookie = signIn(RunningPlatform.ADMIN_KEY);
        idleSince = System.nanoTime();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("vocloop-e2e-chromium"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (otherOrigin != null) {
                otherOrigin.stop(0);
            }
            if (platform != null) {
                platform.close();
            }
        }
    }

    @Test
    @Order(1)
    void demoFillsTheFreshPlatformOnlyOnce() {
        Matcher time = DEMO_TIME.matcher(platform.output());
        assertTrue(time.find(), "the launcher reports the demo load:\n" + platform.output());
        // The figures, for the CI log. Not asserted: on a shared 2-core machine the time says more about the neighbours.
        platform.output().lines().filter(l -> l.startsWith("Demo data loaded")).forEach(System.out::println);

        JsonPath channels = admin().get(url("/api/v1/feedback/stats?dimension=channel")).then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of("IN_APP", "EMAIL", "SUPPORT_CHAT", "SOCIAL", "APP_REVIEW", "SURVEY"),
                channels.getMap("totals").keySet(), "feedback from every channel");
        List<String> states = admin().get(url("/api/v1/tickets?limit=200")).then().statusCode(200).extract().jsonPath()
                .getList("items.status");
        assertEquals(Set.of("NEW", "OPEN", "IN_PROGRESS", "WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED", "REOPENED",
                "CLOSED_UNCONFIRMED"), Set.copyOf(states), "tickets in every state");
        JsonPath nps = admin().get(url("/api/v1/nps?interval=week")).then().statusCode(200).extract().jsonPath();
        assertTrue(nps.getInt("n") >= 500, "three months of NPS answers: n = " + nps.getInt("n"));
        assertTrue(nps.getList("trend").size() >= 12, "weekly points over twelve weeks and more: " + nps.getList("trend").size());
        assertTrue(nps.getList("trend.change.significant").contains(true), "the incident shows as a significant change");
        JsonPath tiers = admin().get(url("/api/v1/nps?segment=tier")).then().statusCode(200).extract().jsonPath();
        assertTrue(tiers.getList("segments").size() >= 5, "every tier answered: " + tiers.get("segments"));

        // A second run finds the data and leaves it alone.
        DemoLoader.Result again = new DemoLoader(platform.gatewayUrl(), platform.gatewayUrl(), RunningPlatform.ADMIN_KEY)
                .load(home.resolve("second-run"));
        assertFalse(again.loaded());
        assertTrue(again.summary().startsWith("Demo data skipped: the platform already has data"), again.summary());
        assertEquals(states.size(), admin().get(url("/api/v1/tickets?limit=200")).then().extract().jsonPath().getList("items").size());
    }

    @Test
    @Order(2)
    void theWidgetOnItsDemoPageSendsFeedbackAndShowsThePendingSurvey() throws Exception {
        String appKey = demoKey("Customer app key (widget)");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/demo/widget-host.html?key=" + enc(appKey) + "&customer=c-1001&lang=zh-CN"));
        SearchContext widget = widget();
        WebElement launcher = widget.findElement(By.cssSelector("button.launcher"));
        assertEquals("false", launcher.getAttribute("aria-expanded"));
        // The host page styles every button red with 22px text; the widget's own style wins in its shadow root.
        assertEquals("rgba(29, 78, 216, 1)", launcher.getCssValue("background-color"));
        wait.until(d -> "pending".equals(d.findElement(By.id("vocloop-widget")).getAttribute("data-survey")));
        assertTrue(widget.findElement(By.cssSelector(".dot")).isDisplayed(), "the button shows that a survey is waiting");

        launcher.click();
        WebElement text = widget.findElement(By.cssSelector("#vocloop-text"));
        wait.until(d -> text.equals(activeElement()));
        WebElement surveyLink = wait.until(d -> widget.findElement(By.cssSelector("#vocloop-survey-link")));
        assertEquals("去回答", surveyLink.getText());
        surveyPath = URI.create(surveyLink.getAttribute("href")).getPath() + "?" + URI.create(surveyLink.getAttribute("href")).getQuery();
        assertTrue(surveyPath.matches("/survey/[A-Za-z0-9_-]+\\?lang=zh-CN"), surveyPath);

        String said = "结算页面的优惠券用不了，一直提示系统繁忙 " + marker();
        text.sendKeys(said);
        widget.findElement(By.cssSelector("input[name=rating][value='2'] + span")).click();
        shoot("widget-demo-page-zh");
        widget.findElement(By.cssSelector("#vocloop-send")).click();
        wait.until(d -> widget.findElement(By.cssSelector("#vocloop-status")).getText().contains("谢谢"));
        shoot("widget-sent-zh");

        // Escape closes the dialog and gives the focus back to the button that opened it.
        activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> "false".equals(launcher.getAttribute("aria-expanded")));
        assertEquals(launcher, activeElement());

        JsonPath item = awaitFeedback("c-1001", said);
        assertEquals("IN_APP", item.getString("channel"));
        assertEquals(2, item.getInt("rating"));
        assertEquals(platform.gatewayUrl() + "/demo/widget-host.html", item.getString("details.page"));
        assertTrue(item.getString("details.device").contains("Chrome"), "the user agent: " + item.getString("details.device"));
    }

    @Test
    @Order(3)
    void theWidgetWorksOnAPageOfAnotherAllowedOrigin() throws Exception {
        String appKey = demoKey("Customer app key (widget)");
        String page = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner shop</title></head>
                <body><h1>Partner shop</h1>
                <script src="%s/widget.js" data-key="%s" data-customer="c-2002" data-lang="en"></script></body></html>"""
                .formatted(platform.gatewayUrl(), appKey);
        otherOrigin.createContext("/shop.html", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            // A strict policy, as a careful shop would have: no inline styles or scripts, only the gateway.
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src %s; connect-src %s"
                    .formatted(platform.gatewayUrl(), platform.gatewayUrl()));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        browser.get("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/shop.html");
        SearchContext widget = widget();
        WebElement launcher = widget.findElement(By.cssSelector("button.launcher"));
        assertEquals("rgba(29, 78, 216, 1)", launcher.getCssValue("background-color"), "styled despite the strict policy");
        assertEquals("Feedback", launcher.getText().strip());
        launcher.click();
        wait.until(d -> widget.findElement(By.cssSelector("#vocloop-text")).equals(activeElement()));
        // This customer has no survey waiting: no dot, no survey box.
        wait.until(d -> "none".equals(d.findElement(By.id("vocloop-widget")).getAttribute("data-survey")));
        assertFalse(widget.findElement(By.cssSelector(".dot")).isDisplayed(), "no survey waiting for c-2002");
        assertFalse(widget.findElement(By.cssSelector("#vocloop-survey")).isDisplayed());
        String said = "The order history page shows nothing since the update " + marker();
        widget.findElement(By.cssSelector("#vocloop-text")).sendKeys(said);
        widget.findElement(By.cssSelector("#vocloop-send")).click();
        wait.until(d -> widget.findElement(By.cssSelector("#vocloop-status")).getText().contains("Thank you"));
        shoot("widget-other-origin-en");
        assertEquals("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/shop.html",
                awaitFeedback("c-2002", said).getString("details.page"));
    }

    @Test
    @Order(4)
    void aCustomerAnswersTheWidgetsSurveyOnAPhoneInChinese() {
        assertNotNull(surveyPath, "the widget showed the survey link");
        int before = npsCount();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url(surveyPath));
        assertTrue(containsHan(browser.getTitle()), "a Chinese page: " + browser.getTitle());
        assertEquals(11, browser.findElements(By.cssSelector("input[name=score]")).size());
        assertTrue(widthFits(), "no horizontal scrolling on a phone");
        browser.findElement(By.xpath("//input[@name='score'][@value='10']/..")).click();
        browser.findElement(By.id("comment")).sendKeys("客服很耐心，问题很快就解决了");
        shoot("survey-phone-zh");
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        assertTrue(containsHan(browser.findElement(By.id("thanks")).getText()));
        shoot("survey-thanks-phone-zh");
        assertEquals(before + 1, npsCount(), "the answer counts in the NPS");
    }

    @Test
    @Order(5)
    void anAgentResolvesATicketInTheConsoleAndTheFollowUpMailArrives() throws Exception {
        Response created = admin().contentType(ContentType.JSON).body("""
                {"channel":"IN_APP","text":"更新以后无法登录，一直提示密码错误，已经重置两次密码了",
                 "customer":{"id":"c-e2e-console","email":"console.customer@example.cn","locale":"zh-CN","tier":"gold"}}""")
                .post(url("/api/v1/feedback"));
        created.then().statusCode(201);
        feedbackId = created.path("id");
        String[] team = new String[1];
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath tickets = admin().queryParam("feedbackId", feedbackId).get(url("/api/v1/tickets")).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(1, tickets.getList("items").size());
            ticketId = tickets.getString("items[0].id");
            team[0] = tickets.getString("items[0].team");
        });
        agentKey = admin().contentType(ContentType.JSON)
                .body(Map.of("name", "e2e agent", "role", "AGENT", "teams", List.of(team[0])))
                .post(url("/api/v1/api-keys")).then().statusCode(201).extract().path("key");

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/console/queue"));
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
        shoot("sign-in-zh");
        browser.findElement(By.id("apiKey")).sendKeys(agentKey);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains("/console/queue"));
        WebElement row = wait.until(d -> d.findElement(By.cssSelector("#queue-rows a[href='/console/tickets/" + ticketId + "']")));
        shoot("queue-zh");
        row.click();
        wait.until(ExpectedConditions.urlContains("/console/tickets/" + ticketId));
        assertTrue(browser.getPageSource().contains("无法登录"), "the customer's words on the ticket page");
        browser.findElement(By.id("resolution")).sendKeys("登录服务的缓存已清理，新版本5.3.1修复了密码校验的问题，请更新后再试。");
        shoot("ticket-zh");
        browser.findElement(By.cssSelector("form[action='/console/tickets/" + ticketId + "/resolve'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("done=resolved"));
        shoot("ticket-resolved-zh");
        admin().get(url("/api/v1/tickets/" + ticketId)).then().statusCode(200).body("status", equalTo("RESOLVED"));

        Mailbox.Mail mail = awaitMail("console.customer@example.cn");
        assertTrue(mail.text().contains("新版本5.3.1修复了密码校验的问题"), "the follow-up carries the agent's note: " + mail.text());
    }

    @Test
    @Order(6)
    void theCustomerAnswersSolvedOnTheFollowUpPageAndTheLoopCloses() throws Exception {
        Matcher link = FOLLOW_UP_LINK.matcher(awaitMail("console.customer@example.cn").text());
        assertTrue(link.find(), "the follow-up e-mail has its link");
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/follow-up/" + link.group(1) + "?solved=yes"));
        assertTrue(browser.findElement(By.cssSelector("input[name=solved][value=yes]")).isSelected(), "the e-mail link's choice");
        browser.findElement(By.cssSelector("input[name=rating][value='5']")).click();
        shoot("follow-up-phone-zh");
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        shoot("follow-up-thanks-phone-zh");

        await().atMost(ASYNC).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                admin().get(url("/api/v1/tickets/" + ticketId)).then().statusCode(200).body("status", equalTo("CLOSED")));
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                admin().get(url("/api/v1/feedback/" + feedbackId)).then().statusCode(200).body("loopStatus", equalTo("CLOSED")));
    }

    @Test
    @Order(7)
    void theDashboardShowsTheNewAnswer() throws Exception {
        String productKey = admin().contentType(ContentType.JSON).body(Map.of("name", "e2e product", "role", "PRODUCT"))
                .post(url("/api/v1/api-keys")).then().statusCode(201).extract().path("key");
        int n = npsCount();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/console/sign-in"));
        browser.findElement(By.id("apiKey")).sendKeys(productKey);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains("/console/dashboard"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('nps-chart') !== undefined")));
        String npsTile = browser.findElement(By.xpath("//*[@id='nps-h']/..")).getText();
        assertTrue(Pattern.compile("n\\s*=\\s*" + n + "\\b").matcher(npsTile).find(),
                "the NPS tile counts every answer, the phone answer included (n = " + n + "): " + npsTile);
        shoot("dashboard-zh");
    }

    @Test
    @Order(8)
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/console/sign-in"));
        browser.findElement(By.id("apiKey")).sendKeys(agentKey);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains("/console/queue"));
        browser.get(url("/console/tickets/" + ticketId));
        // The ticket's own comment form, its token removed: what a forged form from another page would send.
        ((JavascriptExecutor) browser).executeScript("""
                var form = document.querySelector("form[action$='/comment']");
                form.querySelector("input[name=_csrf]").remove();
                form.querySelector("textarea[name=body]").value = 'forged comment without token';
                form.submit();""");
        wait.until(d -> !d.getCurrentUrl().endsWith("/console/tickets/" + ticketId));
        shoot("csrf-refused-zh");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("403"), "refused as forbidden");
        assertFalse(browser.getPageSource().contains("Exception"), "no stack trace on the page");
        List<String> bodies = admin().get(url("/api/v1/tickets/" + ticketId + "/comments")).then().statusCode(200)
                .extract().jsonPath().getList("items.body");
        assertFalse(bodies.contains("forged comment without token"), "the comment was not written: " + bodies);

        // The same post with the token goes through: the refusal above was the missing token.
        browser.get(url("/console/tickets/" + ticketId));
        browser.findElement(By.id("comment-body")).sendKeys("comment with token");
        browser.findElement(By.cssSelector("form[action$='/comment'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("done=commented"));
        assertTrue(admin().get(url("/api/v1/tickets/" + ticketId + "/comments")).then().extract().jsonPath()
                .getList("items.body").contains("comment with token"));
    }

    @Test
    @Order(9)
    void anIdleSessionExpires() throws Exception {
        long idle = Duration.ofNanos(System.nanoTime() - idleSince).toMillis();
        long rest = IDLE_TIMEOUT.toMillis() + 2_000 - idle;
        if (rest > 0) {
            Thread.sleep(rest);
        }
        HttpResponse<Void> expired = console(idleSessionCookie);
        assertEquals(303, expired.statusCode());
        assertTrue(expired.headers().firstValue("Location").orElse("").endsWith("/console/sign-in?reason=expired"),
                "to the sign-in page, saying why: " + expired.headers().firstValue("Location"));

        // A session in use stays open: only idleness ends it.
        String fresh = signIn(RunningPlatform.ADMIN_KEY);
        assertEquals(303, console(fresh).statusCode());
        assertTrue(console(fresh).headers().firstValue("Location").orElse("").contains("/console/dashboard"));
    }

    // --- helpers

    private static SearchContext widget() {
        WebElement host = wait.until(d -> d.findElement(By.cssSelector("#vocloop-widget")));
        return host.getShadowRoot();
    }

    /** The focused element, looking into the widget's shadow root. */
    private static WebElement activeElement() {
        return (WebElement) ((JavascriptExecutor) browser).executeScript("""
                var a = document.activeElement;
                while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
                return a;""");
    }

    private static boolean widthFits() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"));
    }

    private static JsonPath awaitFeedback(String customerId, String text) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath list = admin().queryParam("customerId", customerId).queryParam("channel", "IN_APP")
                    .get(url("/api/v1/feedback")).then().statusCode(200).extract().jsonPath();
            List<String> ids = list.getList("items.findAll { it.originalText == '" + text + "' || it.text == '" + text + "' }.id");
            assertEquals(1, ids.size(), "one item with the text, in " + list.getList("items.text"));
            found[0] = admin().get(url("/api/v1/feedback/" + ids.get(0))).then().statusCode(200).extract().jsonPath();
        });
        return found[0];
    }

    private static int npsCount() {
        return admin().get(url("/api/v1/nps?interval=week")).then().statusCode(200).extract().path("n");
    }

    private static Mailbox.Mail awaitMail(String address) {
        return new Mailbox(home).awaitOne(address, ASYNC);
    }

    private static String demoKey(String name) throws IOException {
        for (String line : Files.readAllLines(home.resolve("demo-keys.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2).trim();
            }
        }
        throw new AssertionError("no " + name + " in demo-keys.txt");
    }

    /** Signs in like the sign-in form does and returns the session cookie (name=value). */
    private static String signIn(String key) throws Exception {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/console/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + enc(key))).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(303, r.statusCode());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static HttpResponse<Void> console(String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url("/console"))).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + RunningPlatform.ADMIN_KEY);
    }

    private static String url(String path) {
        return platform.gatewayUrl() + path;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Letters only, so that no masking of numbers (phones, cards) changes the text. */
    private static String marker() {
        StringBuilder s = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    private static boolean containsHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static void shoot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
