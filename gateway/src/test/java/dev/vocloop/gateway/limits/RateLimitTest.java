package dev.vocloop.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.gateway.ApiKeys;
import dev.vocloop.gateway.TightProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Limits of this profile: 5 requests per key, 3 per client address on public routes, per 10 minutes. */
@QuarkusTest
@TestProfile(TightProfile.class)
class RateLimitTest {

    @Inject
    RateLimiter rateLimiter;

    @Inject
    DataSource dataSource;

    @Test
    void limitsEachKeyAndSays429WithRetryAfter() {
        String product = ApiKeys.bearer("PRODUCT");
        String other = ApiKeys.bearer("AGENT", "billing");
        for (int i = 0; i < TightProfile.PER_KEY; i++) {
            given().header("Authorization", product).when().get("/api/v1/nps").then().statusCode(200);
        }
        Response refused = given().header("Authorization", product).when().get("/api/v1/nps");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // One request comes back every 10 min / 5 = 120 s.
        assertTrue(retryAfter > 60 && retryAfter <= 120, "Retry-After " + retryAfter);

        // Another key has its own bucket.
        given().header("Authorization", other).when().get("/api/v1/tickets").then().statusCode(200);
    }

    @Test
    void bucketsLiveInTheGatewaysPostgresql() throws Exception {
        assertTrue(rateLimiter.sharesBuckets(), "the default store is postgresql");
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "203.0.113.30").contentType("application/json").body("{\"token\":\"t\",\"score\":9}")
                    .when().post("/api/v1/survey-responses").then().statusCode(201);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM rate_limit_bucket WHERE id = ? AND expires_at IS NOT NULL")) {
            s.setString(1, "ip:203.0.113.30");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void limitsEachClientAddressOnPublicRoutes() {
        int allowed = 0;
        Response last = null;
        for (int i = 0; i <= TightProfile.PER_ADDRESS; i++) {
            last = given().contentType("application/json").body("{\"token\":\"t\",\"score\":9}")
                    .when().post("/api/v1/survey-responses");
            if (last.statusCode() == 201) {
                allowed++;
            }
        }
        assertEquals(TightProfile.PER_ADDRESS, allowed);
        last.then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void eachCustomerBehindATrustedProxyHasItsOwnBucket() {
        // The console (loopback) answers customers' pages: each customer counts for itself.
        for (String customer : java.util.List.of("203.0.113.7", "203.0.113.8")) {
            for (int i = 0; i < TightProfile.PER_ADDRESS; i++) {
                given().header("X-Forwarded-For", customer).contentType("application/json").body("{\"token\":\"t\",\"score\":9}")
                        .when().post("/api/v1/survey-responses").then().statusCode(201);
            }
            given().header("X-Forwarded-For", customer).contentType("application/json").body("{\"token\":\"t\",\"score\":9}")
                    .when().post("/api/v1/survey-responses").then().statusCode(429);
        }
    }
}
