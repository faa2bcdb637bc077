package dev.vocloop.gateway.console;

import static io.restassured.RestAssured.given;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The product pages in the system Chromium, headless, as in {@link ConsoleBrowserTest}: a product
 * manager searches the feedback in Chinese, opens an item that needs triage and corrects it from
 * the keyboard; the dashboard draws NPS by segment; a customer unsubscribes on a phone. Screenshots
 * go to {@code target/screenshots/}.
 */
@QuarkusTest
class ExplorerBrowserTest {


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
        String feedback = ConfigProvider.getConfig().getValue("vocloop.gateway.services.feedback.url", String.class);
        given().baseUri(feedback).when().post("/_stub/feedback/reset").then().statusCode(204);
        browser.get(base + "console/sign-in");
        browser.manage().deleteAllCookies();
    }

    @Test
    void aProductManagerSearchesInChineseAndCorrectsAClassification() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(base + "console/sign-in");
        browser.findElement(By.id("apiKey")).sendKeys(ConsoleSessions.key("PRODUCT"));
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains("/console/dashboard"));

        browser.findElement(By.linkText("反馈")).click();
        wait.until(ExpectedConditions.urlContains("/console/explorer"));
        assertEquals(25, rows().size(), "the first page");
        shoot("explorer-zh");

        browser.findElement(By.id("q")).sendKeys("闪退", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q="));
        assertEquals(List.of("fb-01"), rows());
        assertTrue(browser.findElement(By.id("feedback-list")).getText().contains("故障"));
        shoot("explorer-search-zh");

        browser.findElement(By.id("q")).clear();
        new Select(browser.findElement(By.id("triage"))).selectByValue("yes");
        browser.findElement(By.cssSelector("button.primary-inline")).click();
        wait.until(ExpectedConditions.urlContains("triage=yes"));
        assertEquals(List.of("fb-06", "fb-08", "fb-03"), rows());
        browser.findElement(By.cssSelector("tr[data-id=fb-08] a")).click();
        wait.until(ExpectedConditions.urlContains("/console/explorer/fb-08"));
        assertTrue(browser.findElement(By.id("intent")).getText().startsWith("其他"));
        shoot("explorer-item-zh");

        // From the keyboard: the select takes typed choices, Enter submits the form.
        new Select(browser.findElement(By.id("c-intent"))).selectByValue("FEATURE_REQUEST");
        new Select(browser.findElement(By.id("c-topic"))).selectByValue("BILLING");
        browser.findElement(By.cssSelector("#correct-form button[type=submit]")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertTrue(browser.findElement(By.id("intent")).getText().startsWith("功能建议"), browser.findElement(By.id("intent")).getText());
        assertTrue(browser.findElement(By.id("intent")).getText().contains("100 %"));
        shoot("explorer-corrected-zh");

        JsonPath body = new JsonPath(given().baseUri(ConfigProvider.getConfig()
                .getValue("vocloop.gateway.services.feedback.url", String.class)).when().get("/_stub/feedback/last")
                .then().extract().jsonPath().getString("patch.body"));
        assertEquals("FEATURE_REQUEST", body.getString("intent"));
        assertEquals("BILLING", body.getString("topic"));

        // Back to the filtered list: the corrected item no longer needs triage.
        browser.findElement(By.partialLinkText("返回列表")).click();
        wait.until(ExpectedConditions.urlContains("triage=yes"));
        assertEquals(List.of("fb-06", "fb-03"), rows());
    }

    @Test
    void theDashboardDrawsNpsBySegmentAndTheQueueFilters() {
        browser.manage().window().setSize(new Dimension(1280, 1400));
        browser.get(base + "console/sign-in");
        browser.findElement(By.id("apiKey")).sendKeys(StubServices.ADMIN_KEY);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
        wait.until(ExpectedConditions.urlContains("/console/dashboard"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('seg-tier-chart') !== undefined"
                        + " && Chart.getChart('seg-stage-chart') !== undefined")));
        shoot("dashboard-segments-zh");

        browser.get(base + "console/queue?team=billing");
        new Select(browser.findElement(By.id("f-sla"))).selectByValue("late");
        new Select(browser.findElement(By.id("f-assignee"))).selectByValue("none");
        browser.findElement(By.xpath("//form[contains(@class,'filters')]//button[@type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("sla=late"));
        List<String> subjects = browser.findElements(By.cssSelector("#queue-rows td a")).stream().map(e -> e.getText()).toList();
        assertEquals(List.of("重复扣款 charged twice"), subjects);
        shoot("queue-filtered-zh");
    }

    @Test
    void aCustomerUnsubscribesOnAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "unsubscribe/unsub-token-fresh-0002");
        assertEquals("退订我们的邮件 · VoC Loop", browser.getTitle());
        shoot("unsubscribe-phone-zh");
        browser.findElement(By.id("unsubscribe")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("unsubscribed")));
        assertTrue(browser.findElement(By.id("unsubscribed")).getText().contains("不会再收到"));
        shoot("unsubscribed-phone-zh");
        assertEquals("POST", ConsoleSessions.lastReceived("survey", "POST /api/v1/unsubscribe/unsub-token-fresh-0002").getString("method"));
    }

    private static List<String> rows() {
        return browser.findElements(By.cssSelector("#feedback-list tr[data-id]")).stream().map(e -> e.getAttribute("data-id")).toList();
    }

    private static void shoot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }
}
