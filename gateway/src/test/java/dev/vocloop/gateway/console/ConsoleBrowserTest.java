package dev.vocloop.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vocloop.gateway.StubServices;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console and the customer pages in a real browser: the Debian Chromium, headless, driven
 * through the Debian chromedriver so nothing is downloaded. Without Chromium these tests fail
 * (they must not pass silently in CI). Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
class ConsoleBrowserTest {


    private static WebDriver browser;
    private static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
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
    }

    @Test
    void aCustomerAnswersTheFollowUpOnAPhoneInChinese() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "follow-up/tok-open?solved=yes");
        assertEquals("您的问题解决了吗？ · VoC Loop", browser.getTitle());
        assertTrue(browser.findElement(By.cssSelector("input[name=solved][value=yes]")).isSelected(), "the e-mail link's choice");
        browser.findElement(By.cssSelector("input[name=solved][value=no]")).click();
        browser.findElement(By.cssSelector("input[name=solved][value=yes]")).click();
        browser.findElement(By.cssSelector("input[name=rating][value='5']")).click();
        browser.findElement(By.id("comment")).sendKeys("谢谢，已经收到退款");
        shoot("follow-up-phone-zh");
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        assertTrue(browser.findElement(By.id("thanks")).getText().contains("很高兴问题已经解决"));
        shoot("follow-up-thanks-phone-zh");

        JsonPath body = new JsonPath(ConsoleSessions.lastReceived("survey", "POST /api/v1/follow-ups/tok-open/answer").getString("body"));
        assertEquals(true, body.getBoolean("solved"));
        assertEquals(5, body.getInt("rating"));
        assertEquals("谢谢，已经收到退款", body.getString("comment"));
    }

    @Test
    void aCustomerAnswersASurveyOnAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "survey/tok-b1");
        assertEquals(11, browser.findElements(By.cssSelector("input[name=score]")).size());
        browser.findElement(By.xpath("//input[@name='score'][@value='9']/..")).click();
        browser.findElement(By.id("comment")).sendKeys("界面很好用");
        shoot("survey-phone-zh");
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        JsonPath body = new JsonPath(ConsoleSessions.lastReceived("survey", "POST /api/v1/survey-responses").getString("body"));
        assertEquals("tok-b1", body.getString("token"));
        assertEquals(9, body.getInt("score"));
    }

    @Test
    void anAgentSignsInAndSeesTheQueueThenAnAdminSeesTheDashboard() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(base + "console/queue");
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
        shoot("sign-in-zh");
        browser.findElement(By.id("apiKey")).sendKeys(ConsoleSessions.key("AGENT", "billing"));
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains("/console/queue"));
        List<String> subjects = browser.findElements(By.cssSelector("#queue-rows td a")).stream().map(e -> e.getText()).toList();
        assertEquals(List.of("重复扣款 charged twice", "Invoice shows the wrong VAT", "能否支持支付宝分期？"), subjects);
        assertTrue(browser.findElement(By.cssSelector("tr.sla-breached .badge")).getText().contains("已超时"));
        assertTrue(Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return typeof htmx !== 'undefined'")),
                "htmx loads from the gateway");
        shoot("queue-zh");

        browser.findElement(By.cssSelector("a.lang")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Team queue · billing"));
        shoot("queue-en");
        browser.findElement(By.linkText("重复扣款 charged twice")).click();
        wait.until(ExpectedConditions.urlContains("/console/tickets/t-1"));
        assertTrue(browser.getPageSource().contains("Payment provider confirms a double capture."));
        shoot("ticket-en");

        browser.findElement(By.cssSelector("form[action='/console/sign-out'] button")).click();
        wait.until(ExpectedConditions.urlContains("/console/sign-in"));
        browser.findElement(By.id("apiKey")).sendKeys(StubServices.ADMIN_KEY);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains("/console/dashboard"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('nps-chart') !== undefined")));
        shoot("dashboard-en");
    }

    private static void shoot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}
