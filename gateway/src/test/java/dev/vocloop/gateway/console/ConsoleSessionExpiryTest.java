package dev.vocloop.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.vocloop.gateway.TightProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TightProfile.class)
class ConsoleSessionExpiryTest {

    @Test
    void anIdleSessionEndsAndTheUserSignsInAgain() throws InterruptedException {
        String session = ConsoleSessions.signIn(ConsoleSessions.key("AGENT", "billing"));
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).when().get("/console/queue")
                .then().statusCode(200);
        Thread.sleep(TightProfile.CONSOLE_IDLE.toMillis() + 800);
        given().redirects().follow(false).cookie(Web.SESSION_COOKIE, session).when().get("/console/queue")
                .then().statusCode(303).header("Location", containsString("/console/sign-in?reason=expired"));
        given().when().get("/console/sign-in?reason=expired").then().statusCode(200).body(containsString("inactivity"));
    }
}
