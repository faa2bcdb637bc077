package dev.vocloop.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merges the stub documents of src/test/resources/openapi with the gateway's own. */
@QuarkusTest
class MergedOpenApiTest {

    @Test
    void mergesThePublicPathsOfAllServicesAndTheGateway() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("VoC Loop API"))
                .body("paths.keySet()", hasItems("/api/v1/feedback", "/api/v1/feedback/{id}", "/api/v1/tickets",
                        "/api/v1/teams/{team}/queue", "/api/v1/follow-ups/{token}/answer", "/api/v1/surveys",
                        "/api/v1/api-keys", "/api/v1/api-keys/{id}"))
                .body("paths.'/api/v1/tickets'.get.operationId", equalTo("listTickets"))
                .body("tags.name", hasItems("Feedback", "Tickets", "API keys"))
                .body("$", not(hasKey("x-vocloop-unavailable")));
    }

    @Test
    void dropsInternalPathsAndPathsTheGatewayRoutesElsewhere() {
        JsonPath doc = given().when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertTrue(paths.keySet().stream().noneMatch(p -> p.startsWith("/internal") || p.startsWith("/q/")), paths.keySet().toString());
        assertTrue(!paths.containsKey("/api/v1/tickets/not-mine"), "survey-service may not document ticket-service's paths");
    }

    @Test
    void declaresTheBearerSchemeAndTheRolesOfEachOperation() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/feedback'.get.x-vocloop-roles", contains("PRODUCT", "ADMIN"))
                .body("paths.'/api/v1/feedback'.post.x-vocloop-roles", contains("CUSTOMER_APP", "ADMIN"))
                .body("paths.'/api/v1/feedback'.post.description", containsString("Submit one item."))
                .body("paths.'/api/v1/feedback'.post.description", containsString("Roles: CUSTOMER_APP, ADMIN."))
                .body("paths.'/api/v1/teams/{team}/queue'.get.x-vocloop-roles", contains("AGENT", "ADMIN"))
                .body("paths.'/api/v1/api-keys'.post.x-vocloop-roles", contains("ADMIN"))
                .body("paths.'/api/v1/tickets'.get.security[0].bearer", notNullValue())
                // a token route: anonymous ({}) or with a key
                .body("paths.'/api/v1/follow-ups/{token}/answer'.post.security", hasItem(Map.of()))
                .body("paths.'/api/v1/follow-ups/{token}/answer'.post.description", containsString("Public"));
    }

    @Test
    void keepsSameNamedSchemasApartWhenTheyDiffer() {
        given().when().get("/q/openapi")
                .then().statusCode(200)
                // feedback's and survey's Customer are identical and stay one; ticket's differs and is renamed
                .body("components.schemas.Customer.properties.keySet()", contains("id", "email"))
                .body("components.schemas.TicketCustomer.properties.keySet()", contains("id", "tier"))
                .body("components.schemas.Ticket.properties.customer.'$ref'", equalTo("#/components/schemas/TicketCustomer"))
                .body("components.schemas.Feedback.properties.customer.'$ref'", equalTo("#/components/schemas/Customer"))
                .body("components.schemas", hasKey("Answer"))
                .body("components.schemas", hasKey("CreateApiKeyRequest"));
    }

    @Test
    void servesSwaggerUi() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200).body(containsString("/q/openapi"));
    }
}
