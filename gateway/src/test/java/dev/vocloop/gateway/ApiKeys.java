package dev.vocloop.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Creates API keys through the gateway's own endpoint, as an admin would. */
public final class ApiKeys {

    private ApiKeys() {
    }

    /** Creates a key and answers the creation body ({@code id}, {@code key}, ...). */
    public static JsonPath create(String name, String role, List<String> teams) {
        return given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("name", name, "role", role, "teams", teams))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    /** Creates a key from a full request body ({@code name}, {@code role}, {@code identityRequired}, ...). */
    public static JsonPath create(Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + StubServices.ADMIN_KEY)
                .contentType("application/json")
                .body(body)
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    /** The Authorization header value of a new key of this role. */
    public static String bearer(String role, String... teams) {
        return "Bearer " + create(role.toLowerCase() + " test key", role, List.of(teams)).getString("key");
    }
}
