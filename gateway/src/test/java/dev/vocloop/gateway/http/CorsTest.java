package dev.vocloop.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTest {

    @Test
    void allowsTheWidgetOriginWithoutAKey() {
        given().header("Origin", "https://widget.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/feedback")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://widget.example.com"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void letsTheWidgetSendItsCustomerProof() {
        given().header("Origin", "https://widget.example.com")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,x-vocloop-customer,x-vocloop-customer-signature")
                .when().options("/api/v1/customers/c-1/pending-surveys")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://widget.example.com"))
                .header("Access-Control-Allow-Headers", containsString("X-Vocloop-Customer-Signature"));
    }

    @Test
    void refusesOtherOrigins() {
        given().header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/feedback")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
