package dev.vocloop.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.gateway.ApiKeys;
import dev.vocloop.gateway.StubServices;
import dev.vocloop.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logmanager.ExtLogRecord;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Identity verification of CUSTOMER_APP keys: a key's identity secret signs customer ids on the app's
 * own server; the gateway checks the signature and tells the services the proved customer in the
 * internal token. The stub services echo what they received, so the tests read that token.
 */
@QuarkusTest
class IdentityVerificationTest {

    private static final String ADMIN = "Bearer " + StubServices.ADMIN_KEY;

    @Inject
    AgroalDataSource db;

    /** A new CUSTOMER_APP key as created by default: identity verification required. */
    private static JsonPath requiredKey() {
        return ApiKeys.create(Map.of("name", "shop app", "role", "CUSTOMER_APP"));
    }

    /** What the app's server computes: lowercase hex HMAC-SHA256 of the id, keyed with the secret's UTF-8. */
    static String sign(String identitySecret, String customer) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(identitySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(customer.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aValidSignatureGivesTheServicesATokenWithTheCustomerClaim() throws Exception {
        JsonPath key = requiredKey();
        String signature = sign(key.getString("identitySecret"), "c-1");
        JsonPath echo = given().header("Authorization", "Bearer " + key.getString("key"))
                .header("X-Vocloop-Customer", "c-1").header("X-Vocloop-Customer-Signature", signature)
                .when().get("/api/v1/customers/c-1/pending-surveys")
                .then().statusCode(200)
                .body("service", equalTo("survey"))
                // The proof reaches the services only inside the signed token, never as a header.
                .body("headers", not(hasKey("x-vocloop-customer")))
                .body("headers", not(hasKey("x-vocloop-customer-signature")))
                .extract().jsonPath();
        JwtClaims claims = TestTokens.verify(echo.getString("headers.authorization"));
        assertEquals(key.getString("id"), claims.getSubject());
        assertEquals("c-1", claims.getStringClaimValue("customer"));
        assertEquals(Boolean.TRUE, claims.getClaimValue("customer_required"));

        // Feedback too: the body is feedback-service's to check against the claim.
        String sent = given().header("Authorization", "Bearer " + key.getString("key"))
                .header("X-Vocloop-Customer", "c-1").header("X-Vocloop-Customer-Signature", signature.toUpperCase())
                .contentType("application/json").body("{\"channel\":\"IN_APP\",\"text\":\"hi\",\"customer\":{\"id\":\"c-1\"}}")
                .when().post("/api/v1/feedback")
                .then().statusCode(201).body("service", equalTo("feedback"))
                .extract().path("headers.authorization");
        assertEquals("c-1", TestTokens.verify(sent).getStringClaimValue("customer"));
    }

    @Test
    void aWrongOrMissingSignatureOnARequiredKeyIs401() throws Exception {
        JsonPath key = requiredKey();
        String bearer = "Bearer " + key.getString("key");
        String forC2 = sign(key.getString("identitySecret"), "c-2");
        // c-2's signature does not prove c-1.
        given().header("Authorization", bearer).header("X-Vocloop-Customer", "c-1").header("X-Vocloop-Customer-Signature", forC2)
                .when().get("/api/v1/customers/c-1/pending-surveys")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/customer-signature"))
                .body("detail", containsString("X-Vocloop-Customer-Signature"))
                .header("X-Stub", nullValue());
        // Signed with another key's identity secret.
        String foreign = sign(requiredKey().getString("identitySecret"), "c-1");
        given().header("Authorization", bearer).header("X-Vocloop-Customer", "c-1").header("X-Vocloop-Customer-Signature", foreign)
                .when().get("/api/v1/customers/c-1/pending-surveys")
                .then().statusCode(401).body("type", equalTo("/problems/customer-signature"));
        // A wrong signature is refused on feedback as well, before the body is read.
        given().header("Authorization", bearer).header("X-Vocloop-Customer", "c-1").header("X-Vocloop-Customer-Signature", "00")
                .contentType("application/json").body("{\"channel\":\"IN_APP\",\"text\":\"hi\"}")
                .when().post("/api/v1/feedback")
                .then().statusCode(401).body("type", equalTo("/problems/customer-signature")).header("X-Stub", nullValue());
        // No signature at all: the customer id alone proves nothing.
        given().header("Authorization", bearer).header("X-Vocloop-Customer", "c-1")
                .when().get("/api/v1/customers/c-1/pending-surveys")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("/problems/customer-signature"))
                .header("X-Stub", nullValue());
        given().header("Authorization", bearer).when().get("/api/v1/customers/c-1/pending-surveys")
                .then().statusCode(401).body("type", equalTo("/problems/customer-signature"));
    }

    @Test
    void anotherCustomersPendingSurveysAre403() throws Exception {
        JsonPath key = requiredKey();
        given().header("Authorization", "Bearer " + key.getString("key"))
                .header("X-Vocloop-Customer", "c-1").header("X-Vocloop-Customer-Signature", sign(key.getString("identitySecret"), "c-1"))
                .when().get("/api/v1/customers/c-2/pending-surveys")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/customer-mismatch"))
                .header("X-Stub", nullValue());
        // Percent-encoding does not hide the customer the service would read.
        given().header("Authorization", "Bearer " + key.getString("key"))
                .header("X-Vocloop-Customer", "c-1").header("X-Vocloop-Customer-Signature", sign(key.getString("identitySecret"), "c-1"))
                .urlEncodingEnabled(false)
                .when().get("/api/v1/customers/%63-1/pending-surveys")
                .then().statusCode(200);
    }

    @Test
    void aKeyWithVerificationOffKeepsWorkingAsBefore() throws Exception {
        JsonPath key = ApiKeys.create(Map.of("name", "legacy app", "role", "CUSTOMER_APP", "identityRequired", false));
        assertFalse(key.getBoolean("identityRequired"));
        String bearer = "Bearer " + key.getString("key");
        String sent = given().header("Authorization", bearer).when().get("/api/v1/customers/anyone/pending-surveys")
                .then().statusCode(200).extract().path("headers.authorization");
        JwtClaims claims = TestTokens.verify(sent);
        assertFalse(claims.hasClaim("customer"), "nothing proved, no customer claim");
        assertFalse(claims.hasClaim("customer_required"));
        given().header("Authorization", bearer).contentType("application/json")
                .body("{\"channel\":\"IN_APP\",\"text\":\"hi\",\"customer\":{\"id\":\"c-9\"}}")
                .when().post("/api/v1/feedback").then().statusCode(201);
        // It may still prove a customer, which the services then learn.
        String proved = given().header("Authorization", bearer).header("X-Vocloop-Customer", "c-9")
                .header("X-Vocloop-Customer-Signature", sign(key.getString("identitySecret"), "c-9"))
                .when().get("/api/v1/customers/anyone/pending-surveys")
                .then().statusCode(200).extract().path("headers.authorization");
        assertEquals("c-9", TestTokens.verify(proved).getStringClaimValue("customer"));
    }

    @Test
    void aKeyFromBeforeIdentityVerificationWorksWithoutSignaturesAndRefusesThem() throws Exception {
        JsonPath key = requiredKey();
        // What migration V3 leaves for a key created before it: no identity secret, not required.
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE api_key SET identity_secret = NULL, identity_required = FALSE WHERE id = ?")) {
            s.setString(1, key.getString("id"));
            assertEquals(1, s.executeUpdate());
        }
        String bearer = "Bearer " + key.getString("key");
        given().header("Authorization", bearer).when().get("/api/v1/customers/c-5/pending-surveys").then().statusCode(200);
        given().header("Authorization", bearer).header("X-Vocloop-Customer", "c-5")
                .header("X-Vocloop-Customer-Signature", sign(key.getString("identitySecret"), "c-5"))
                .when().get("/api/v1/customers/c-5/pending-surveys")
                .then().statusCode(401).body("detail", containsString("no identity secret"));
        given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + key.getString("id"))
                .then().statusCode(200).body("identityRequired", equalTo(false));
    }

    @Test
    void anAdminSwitchesAKeyFromBeforeOnAfterItsServerLearnedToSign() throws Exception {
        JsonPath key = requiredKey();
        String id = key.getString("id");
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE api_key SET identity_secret = NULL, identity_required = FALSE WHERE id = ?")) {
            s.setString(1, id);
            assertEquals(1, s.executeUpdate());
        }
        String bearer = "Bearer " + key.getString("key");
        // Still off, but now with an identity secret, shown in this answer only.
        String secret = given().header("Authorization", ADMIN).contentType("application/json").body("{\"identityRequired\":false}")
                .when().patch("/api/v1/api-keys/" + id)
                .then().statusCode(200).body("identityRequired", equalTo(false))
                .extract().path("identitySecret");
        assertTrue(secret.startsWith("vlid_"));
        assertNotEquals(key.getString("identitySecret"), secret, "a new secret, not the one the database lost");
        given().header("Authorization", bearer).when().get("/api/v1/customers/c-2/pending-surveys").then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"identityRequired\":true}")
                .when().patch("/api/v1/api-keys/" + id)
                .then().statusCode(200).body("identityRequired", equalTo(true)).body("$", not(hasKey("identitySecret")));
        given().header("Authorization", bearer).when().get("/api/v1/customers/c-2/pending-surveys").then().statusCode(401);
        given().header("Authorization", bearer).header("X-Vocloop-Customer", "c-2")
                .header("X-Vocloop-Customer-Signature", sign(secret, "c-2"))
                .when().get("/api/v1/customers/c-2/pending-surveys").then().statusCode(200);
        given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + id)
                .then().statusCode(200).body("identityRequired", equalTo(true));
        // Only CUSTOMER_APP keys have the setting; only admins change it.
        String product = ApiKeys.create(Map.of("name", "p", "role", "PRODUCT")).getString("id");
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"identityRequired\":true}")
                .when().patch("/api/v1/api-keys/" + product).then().statusCode(400);
        given().header("Authorization", bearer).contentType("application/json").body("{\"identityRequired\":false}")
                .when().patch("/api/v1/api-keys/" + id).then().statusCode(403);
        given().header("Authorization", ADMIN).contentType("application/json").body("{}")
                .when().patch("/api/v1/api-keys/" + id).then().statusCode(400);
    }

    @Test
    void theIdentitySecretIsShownOnceAndNeverListedOrLogged() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                synchronized (logged) {
                    logged.add(String.valueOf(message));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String secret;
        String signature;
        String id;
        try {
            JsonPath key = requiredKey();
            id = key.getString("id");
            secret = key.getString("identitySecret");
            assertTrue(secret.startsWith("vlid_") && secret.length() >= 5 + 43, "256 random bits expected: " + secret.length());
            assertNotEquals(key.getString("key"), secret);
            assertTrue(key.getBoolean("identityRequired"));
            signature = sign(secret, "c-1");
            given().header("Authorization", "Bearer " + key.getString("key")).header("X-Vocloop-Customer", "c-1")
                    .header("X-Vocloop-Customer-Signature", signature)
                    .when().get("/api/v1/customers/c-1/pending-surveys").then().statusCode(200);
            given().header("Authorization", "Bearer " + key.getString("key")).header("X-Vocloop-Customer", "c-1")
                    .header("X-Vocloop-Customer-Signature", signature.replace('a', 'b').replace('0', '1'))
                    .when().get("/api/v1/customers/c-1/pending-surveys").then().statusCode(401);
            String one = given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + id)
                    .then().statusCode(200).body("identityRequired", equalTo(true)).body("$", not(hasKey("identitySecret")))
                    .extract().asString();
            String list = given().header("Authorization", ADMIN).queryParam("limit", 200).when().get("/api/v1/api-keys")
                    .then().statusCode(200).extract().asString();
            assertTrue(list.contains(id), "the key is in the list");
            assertFalse(one.contains(secret) || list.contains(secret), "the identity secret is shown at creation only");
        } finally {
            root.removeHandler(capture);
        }
        synchronized (logged) {
            assertTrue(logged.stream().anyMatch(m -> m.contains(id)), "the capture saw the creation log: " + logged);
            for (String message : logged) {
                assertFalse(message.contains(secret) || message.contains(signature), "logged: " + message);
            }
        }
        // Only CUSTOMER_APP keys prove customers.
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("name", "p", "role", "PRODUCT", "identityRequired", true))
                .when().post("/api/v1/api-keys")
                .then().statusCode(400).body("detail", containsString("identityRequired"));
        given().header("Authorization", ADMIN).contentType("application/json").body(Map.of("name", "p", "role", "PRODUCT"))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201).body("$", not(hasKey("identitySecret"))).body("$", not(hasKey("identityRequired")));
    }
}
