package dev.vocloop.ticket.support;

import static io.restassured.RestAssured.given;

import dev.vocloop.commons.Ids;
import io.restassured.response.ValidatableResponse;

/** Small helpers for the public API in tests. */
public final class Api {

    private Api() {
    }

    /** Creates a team with a lead and members (Monday-Friday 09:00-18:00 Shanghai); returns its key. */
    public static String team(String prefix, String... members) {
        String key = prefix + "-" + Ids.newId().substring(24);
        String list = members.length == 0 ? "[]" : "[\"" + String.join("\",\"", members) + "\"]";
        given().contentType("application/json")
                .body("{\"key\":\"" + key + "\",\"name\":\"Team " + key + "\",\"lead\":\"lead-" + key + "\",\"members\":" + list + "}")
                .when().post("/api/v1/teams").then().statusCode(201);
        return key;
    }

    /** A manual ticket without a customer in a team; returns its id. */
    public static String ticket(String team, String priority) {
        return given().contentType("application/json")
                .body("{\"subject\":\"printer on fire\",\"team\":\"" + team + "\",\"priority\":\"" + priority + "\"}")
                .when().post("/api/v1/tickets").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse status(String id, String status) {
        if ("RESOLVED".equals(status)) {
            return given().contentType("application/json").body("{\"resolution\":\"fixed it\"}")
                    .when().post("/api/v1/tickets/" + id + "/resolve").then();
        }
        return given().contentType("application/json").body("{\"status\":\"" + status + "\"}")
                .when().post("/api/v1/tickets/" + id + "/status").then();
    }

    public static ValidatableResponse get(String id) {
        return given().when().get("/api/v1/tickets/" + id).then();
    }
}
