package dev.vocloop.gateway.apikeys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyResourceTest {

    private static final String ADMIN = "Bearer " + StubServices.ADMIN_KEY;

    @Inject
    AgroalDataSource db;

    @Test
    void createsAKeyWhoseSecretIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        JsonPath created = given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"name\":\"billing agents\",\"role\":\"AGENT\",\"teams\":[\"billing\",\"payments\"]}")
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/api-keys/"))
                .body("role", equalTo("AGENT"))
                .body("teams", equalTo(List.of("billing", "payments")))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("key");
        assertTrue(secret.startsWith("vlk_") && secret.length() >= 4 + 43, "256-bit secret expected");

        given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + id)
                .then().statusCode(200)
                .body("name", equalTo("billing agents"))
                .body("$", not(hasKey("key")))
                .body("prefix", equalTo(secret.substring(0, 10)));

        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM api_key WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next());
                String expected = HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
                assertEquals(expected, row.getString("key_hash"));
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    assertNotEquals(secret, row.getString(i), "the secret itself must not be stored");
                }
            }
        }
    }

    @Test
    void aNewKeyCarriesItsIdRoleAndTeamsToTheServices() throws Exception {
        JsonPath created = ApiKeys.create("agent", "AGENT", List.of("billing", "payments"));
        String authorization = given().header("Authorization", "Bearer " + created.getString("key"))
                .header("X-Vocloop-Teams", "everything")
                .when().get("/api/v1/tickets")
                .then().statusCode(200)
                .body("headers", not(hasKey("x-vocloop-teams")))
                .extract().path("headers.authorization");
        JwtClaims claims = TestTokens.verify(authorization);
        assertEquals(created.getString("id"), claims.getSubject());
        assertEquals(List.of("AGENT"), claims.getStringListClaimValue("groups"));
        assertEquals(List.of("billing", "payments"), claims.getStringListClaimValue("teams"));
    }

    @Test
    void revocationTakesEffectAtOnce() {
        JsonPath created = ApiKeys.create("to revoke", "PRODUCT", List.of());
        String bearer = "Bearer " + created.getString("key");
        given().header("Authorization", bearer).when().get("/api/v1/feedback").then().statusCode(200);

        given().header("Authorization", ADMIN).when().delete("/api/v1/api-keys/" + created.getString("id"))
                .then().statusCode(204);

        given().header("Authorization", bearer).when().get("/api/v1/feedback")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + created.getString("id"))
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().header("Authorization", ADMIN).when().delete("/api/v1/api-keys/" + created.getString("id"))
                .then().statusCode(204);
    }

    @Test
    void recordsWhenAKeyWasLastUsed() {
        JsonPath created = ApiKeys.create("last used", "PRODUCT", List.of());
        String id = created.getString("id");
        given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + id)
                .then().statusCode(200).body("lastUsedAt", nullValue());
        given().header("Authorization", "Bearer " + created.getString("key")).when().get("/api/v1/nps").then().statusCode(200);
        given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/" + id)
                .then().statusCode(200).body("lastUsedAt", notNullValue());
    }

    @Test
    void listsKeysNewestFirstInPagesWithoutSecrets() {
        String first = ApiKeys.create("page 1", "PRODUCT", List.of()).getString("id");
        String second = ApiKeys.create("page 2", "PRODUCT", List.of()).getString("id");
        JsonPath page = given().header("Authorization", ADMIN).queryParam("limit", 1)
                .when().get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(second))
                .body("items[0]", not(hasKey("key")))
                .body("nextCursor", equalTo(second))
                .extract().jsonPath();
        given().header("Authorization", ADMIN).queryParam("limit", 200).queryParam("cursor", page.getString("nextCursor"))
                .when().get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("items.id", hasItem(first))
                .body("items.id", not(hasItem(second)));
    }

    @Test
    void refusesInvalidKeyRequestsWithProblems() {
        post("{\"name\":\"agent\",\"role\":\"AGENT\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("teams"));
        post("{\"name\":\"product\",\"role\":\"PRODUCT\",\"teams\":[\"billing\"]}").then().statusCode(400)
                .body("errors[0].field", equalTo("teams"));
        post("{\"name\":\"x\",\"role\":\"ROOT\"}").then().statusCode(400).contentType("application/problem+json");
        post("{\"role\":\"ADMIN\"}").then().statusCode(400).body("errors[0].field", equalTo("name"));
        post("{\"name\":\"x\",\"role\":\"AGENT\",\"teams\":[\"Bill ing\"]}").then().statusCode(400)
                .contentType("application/problem+json");
        post("{\"name\":").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", ADMIN).contentType("text/plain").body("name=x")
                .when().post("/api/v1/api-keys").then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().get("/api/v1/api-keys/no-such-key")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().delete("/api/v1/api-keys/no-such-key")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ADMIN).queryParam("limit", 0).when().get("/api/v1/api-keys")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.Response post(String body) {
        return given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .when().post("/api/v1/api-keys");
    }
}
