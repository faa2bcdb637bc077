package dev.vocloop.gateway.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vocloop.gateway.StubServices;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin's round through the admin pages in headless Chromium (set up as in
 * {@link ConsoleBrowserTest}: the Debian browser and driver, nothing downloaded, failing without
 * them), with a screenshot of every admin page in {@code target/screenshots/admin-*.png}.
 */
@QuarkusTest
class AdminBrowserTest {


    private static WebDriver browser;
    private static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshStart() {
        browser.get(base + "console/sign-in");
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void anAdminWalksThroughEveryAdminPage() throws IOException {
        signIn(StubServices.ADMIN_KEY, "/console/dashboard");

        // Teams, in Chinese: create one.
        browser.findElement(By.linkText("团队")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "团队"));
        browser.findElement(By.id("key")).sendKeys("vip-care");
        browser.findElement(By.id("name")).sendKeys("VIP care 贵宾服务");
        browser.findElement(By.id("members")).sendKeys("zhang.min, li.wei");
        shoot("admin-teams-zh");
        browser.findElement(By.cssSelector("form[action='/console/admin/teams'] button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "团队已创建"));
        JsonPath team = sent("ticket", "POST /api/v1/teams");
        assertEquals("vip-care", team.getString("key"));
        assertEquals(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), team.getList("calendar.workingDays"),
                "the default calendar as the form offered it");

        // From here in English.
        browser.findElement(By.cssSelector("a.lang")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Teams"));
        browser.findElement(By.cssSelector("a[href='/console/admin/teams/vip-care']")).click();
        wait.until(ExpectedConditions.urlContains("/console/admin/teams/vip-care"));
        assertTrue(browser.findElement(By.cssSelector("input[name=workingDays][value=SATURDAY]")).isSelected());
        shoot("admin-team-edit-en");

        // Routing: a rule for the new team, then the dry run sends a sample to it.
        browser.findElement(By.linkText("Routing")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Routing rules"));
        browser.findElement(By.id("rule-name")).sendKeys("VIP refunds 贵宾退款");
        browser.findElement(By.id("rule-tiers")).sendKeys("gold, platinum");
        browser.findElement(By.id("rule-keywords")).sendKeys("重复扣款, refund");
        new Select(browser.findElement(By.id("rule-team"))).selectByValue("vip-care");
        browser.findElement(By.cssSelector("form[action='/console/admin/routing-rules'] button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "The rule was created"));
        JsonPath rule = sent("ticket", "POST /api/v1/routing-rules");
        assertEquals("vip-care", rule.getString("action.team"));
        assertEquals(List.of("重复扣款", "refund"), rule.getList("conditions.keywords"));

        browser.findElement(By.id("sample-text")).sendKeys("我被重复扣款了，请退款");
        browser.findElement(By.id("sample-tier")).sendKeys("gold");
        browser.findElement(By.cssSelector("form[action='/console/admin/routing-rules/test'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision")));
        String decision = browser.findElement(By.id("decision")).getText();
        assertTrue(decision.contains("vip-care") && decision.contains("VIP refunds 贵宾退款"), decision);
        assertEquals("我被重复扣款了，请退款", sent("ticket", "POST /api/v1/routing-rules/test").getString("text"));
        browser.findElement(By.id("decision")).click();
        shoot("admin-routing-dry-run-en");
        browser.findElement(By.cssSelector("a[href='/console/admin/routing-rules/r-1']")).click();
        wait.until(ExpectedConditions.urlContains("/console/admin/routing-rules/r-1"));
        assertEquals("vip-care", new Select(browser.findElement(By.id("rule-team"))).getFirstSelectedOption().getAttribute("value"));
        shoot("admin-rule-edit-en");

        // SLA policies.
        browser.findElement(By.linkText("SLA")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "SLA policies"));
        browser.findElement(By.id("fr-P2")).clear();
        browser.findElement(By.id("fr-P2")).sendKeys("PT2H");
        shoot("admin-sla-en");
        browser.findElement(By.cssSelector("form[action='/console/admin/sla-policies/P2'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "The SLA policy was saved"));
        assertEquals("PT2H", sent("ticket", "PUT /api/v1/sla-policies/P2").getString("firstResponse"));

        // Surveys: create one, then invite a CSV of customers and watch the progress reach 100 %.
        browser.findElement(By.linkText("Surveys")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Surveys"));
        browser.findElement(By.id("survey-name")).sendKeys("Quarterly NPS 季度净推荐值");
        browser.findElement(By.id("question-zh")).sendKeys("您有多大可能向朋友推荐我们？");
        browser.findElement(By.id("question-en")).sendKeys("How likely are you to recommend us?");
        shoot("admin-surveys-en");
        browser.findElement(By.cssSelector("form[action='/console/admin/surveys'] button.primary")).click();
        wait.until(ExpectedConditions.urlContains("/console/admin/surveys/s-1"));
        assertEquals("How likely are you to recommend us?", sent("survey", "POST /api/v1/surveys").getString("questions.en"));

        Path csv = Files.createTempFile("customers", ".csv");
        StringBuilder rows = new StringBuilder("id,email,name,locale,tier\n");
        for (int i = 0; i < 1_200; i++) {
            rows.append(i % 50 == 0 ? "optout-" : "b-").append(i).append(",b").append(i).append("@example.com,客户").append(i)
                    .append(",zh-CN,silver\n");
        }
        Files.writeString(csv, rows, StandardCharsets.UTF_8);
        new Select(browser.findElement(By.id("invite-channel"))).selectByValue("LINK");
        browser.findElement(By.id("invite-file")).sendKeys(csv.toAbsolutePath().toString());
        shoot("admin-survey-en");
        browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button.primary")).click();
        wait.until(ExpectedConditions.urlContains("/imports/"));
        wait.until(ExpectedConditions.textToBe(By.id("import-percent"), "100 %"));
        assertEquals("1176", browser.findElement(By.id("import-invited")).getText());
        assertTrue(browser.findElement(By.id("import-skipped")).getText().startsWith("24"));
        assertEquals("100", browser.findElement(By.id("import-bar")).getAttribute("value"));
        shoot("admin-import-en");
        Files.deleteIfExists(csv);

        // API keys: create one, copy the secret from the one page that shows it, revoke it.
        browser.findElement(By.linkText("API keys")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "API keys"));
        String name = "browser desk " + System.nanoTime();
        browser.findElement(By.id("key-name")).sendKeys(name);
        browser.findElement(By.id("key-teams")).sendKeys("billing");
        browser.findElement(By.cssSelector("form[action='/console/admin/api-keys'] button.primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("secret")));
        String secret = browser.findElement(By.id("secret")).getAttribute("value");
        assertTrue(secret.startsWith("vlk_"), secret);
        shoot("admin-key-created-en");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));
        assertFalse(browser.getPageSource().contains(secret), "a reload does not show the secret again");
        given().header("Authorization", "Bearer " + secret).when().get("/api/v1/teams/billing/queue").then().statusCode(200);

        browser.findElement(By.linkText("API keys")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "API keys"));
        browser.findElement(By.cssSelector("button[aria-label='Revoke " + name + "']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "The key was revoked"));
        shoot("admin-keys-en");
        given().header("Authorization", "Bearer " + secret).when().get("/api/v1/teams/billing/queue").then().statusCode(401);
    }

    @Test
    void anAgentSeesNoAdminLinksAndIsRefusedTheAdminPages() {
        signIn(ConsoleSessions.key("AGENT", "billing"), "/console/queue");
        assertTrue(browser.findElements(By.cssSelector("a[href^='/console/admin/']")).isEmpty(), "no admin navigation");
        browser.get(base + "console/admin/api-keys");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.error")));
        assertEquals("您的角色无权执行此操作。", browser.findElement(By.cssSelector("p.error")).getText());
        assertTrue(browser.findElements(By.id("key-name")).isEmpty());
        shoot("admin-refused-agent-zh");
    }

    private void signIn(String key, String home) {
        browser.get(base + "console/sign-in");
        browser.findElement(By.id("apiKey")).sendKeys(key);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains(home));
    }

    private static JsonPath sent(String service, String request) {
        return new JsonPath(ConsoleSessions.lastReceived(service, request).getString("body"));
    }

    private static void shoot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}
