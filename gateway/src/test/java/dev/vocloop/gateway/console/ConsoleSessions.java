package dev.vocloop.gateway.console;

import static io.restassured.RestAssured.given;

import dev.vocloop.gateway.ApiKeys;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/** Signs in to the console as a test user would and reads what pages carry (the CSRF token). */
final class ConsoleSessions {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ConsoleSessions() {
    }

    /** A new key of the role. */
    static String key(String role, String... teams) {
        return ApiKeys.create(role.toLowerCase() + " console key", role, List.of(teams)).getString("key");
    }

    /** Signs in with the key and answers the session cookie's value. */
    static String signIn(String key) {
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("apiKey", key).when().post("/console/sign-in");
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + r.statusCode());
        }
        return r.getCookie(Web.SESSION_COOKIE);
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return m.group(1);
    }

    /** What the stub of a service last received for "METHOD path" (its echo). */
    static io.restassured.path.json.JsonPath lastReceived(String service, String request) {
        String url = ConfigProvider.getConfig().getValue("vocloop.gateway.services." + service + ".url", String.class);
        return given().baseUri(url).queryParam("request", request).when().get("/_stub/last").then().statusCode(200)
                .extract().jsonPath();
    }
}
