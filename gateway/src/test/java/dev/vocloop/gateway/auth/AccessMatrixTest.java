package dev.vocloop.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.vocloop.gateway.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The role × route matrix of issue 6, one row per cell: allowed calls reach the owning service
 * (the stub answers 201 to POST, 200 otherwise, or the gateway answers for API keys), forbidden
 * ones are refused by the gateway with 403 (a key of the wrong role) or 401 (no key) and never
 * reach a service.
 */
@QuarkusTest
class AccessMatrixTest {

    /** One stored key per role, created on first use (the HTTP port is known only once tests run). */
    private static final Map<Role, String> BEARERS = new ConcurrentHashMap<>();

    private static String bearer(Role role) {
        return BEARERS.computeIfAbsent(role, r -> switch (r) {
            case AGENT -> ApiKeys.bearer(r.name(), "billing");
            // The matrix is about roles; what a key that must prove its customer may do is
            // IdentityVerificationTest's. This is a key as created before identity verification.
            case CUSTOMER_APP -> "Bearer " + ApiKeys.create(Map.of("name", "customer app test key", "role", "CUSTOMER_APP",
                    "identityRequired", false)).getString("key");
            default -> ApiKeys.bearer(r.name());
        });
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            // customer apps: submit feedback, pending surveys, answers by token; nothing else
            "CUSTOMER_APP, POST,  /api/v1/feedback,                     201",
            "CUSTOMER_APP, GET,   /api/v1/customers/c-1/pending-surveys, 200",
            "CUSTOMER_APP, POST,  /api/v1/survey-responses,             201",
            "CUSTOMER_APP, POST,  /api/v1/follow-ups/tok-1/answer,      201",
            "CUSTOMER_APP, GET,   /api/v1/follow-ups/tok-1,             200",
            "CUSTOMER_APP, GET,   /api/v1/feedback,                     403",
            "CUSTOMER_APP, GET,   /api/v1/feedback/f-1,                 403",
            "CUSTOMER_APP, GET,   /api/v1/feedback/stats,               403",
            "CUSTOMER_APP, PATCH, /api/v1/feedback/f-1,                 403",
            "CUSTOMER_APP, POST,  /api/v1/feedback/batch,               403",
            "CUSTOMER_APP, GET,   /api/v1/tickets,                      403",
            "CUSTOMER_APP, GET,   /api/v1/teams/billing/queue,          403",
            "CUSTOMER_APP, GET,   /api/v1/nps,                          403",
            "CUSTOMER_APP, GET,   /api/v1/surveys/s-1/nps,              403",
            "CUSTOMER_APP, POST,  /api/v1/classifier/predict,           403",
            "CUSTOMER_APP, GET,   /api/v1/follow-ups,                   403",
            "CUSTOMER_APP, GET,   /api/v1/api-keys,                     403",
            "CUSTOMER_APP, GET,   /api/v1/admin/feedback/deliveries,    403",
            // agents: tickets, queues and comments (team scoping is ticket-service's, from the teams in the internal token)
            "AGENT,        GET,   /api/v1/tickets,                      200",
            "AGENT,        GET,   /api/v1/tickets/t-1,                  200",
            "AGENT,        GET,   /api/v1/tickets/t-1/comments,         200",
            "AGENT,        POST,  /api/v1/tickets/t-1/comments,         201",
            "AGENT,        POST,  /api/v1/tickets/t-1/assign,           201",
            "AGENT,        POST,  /api/v1/tickets/t-1/resolve,          201",
            "AGENT,        POST,  /api/v1/tickets/t-1/reopen,           201",
            "AGENT,        GET,   /api/v1/tickets/t-1/history,          200",
            "AGENT,        GET,   /api/v1/teams/billing/queue,          200",
            "AGENT,        POST,  /api/v1/follow-ups/tok-1/answer,      201",
            "AGENT,        GET,   /api/v1/feedback,                     403",
            "AGENT,        GET,   /api/v1/feedback/stats,               403",
            "AGENT,        POST,  /api/v1/feedback,                     403",
            "AGENT,        PATCH, /api/v1/feedback/f-1,                 403",
            "AGENT,        GET,   /api/v1/nps,                          403",
            "AGENT,        GET,   /api/v1/teams,                        403",
            "AGENT,        POST,  /api/v1/teams,                        403",
            "AGENT,        GET,   /api/v1/routing-rules,                403",
            "AGENT,        POST,  /api/v1/sla-policies,                 403",
            "AGENT,        GET,   /api/v1/surveys,                      403",
            "AGENT,        GET,   /api/v1/customers/c-1/pending-surveys, 403",
            "AGENT,        POST,  /api/v1/classifier/predict,           403",
            "AGENT,        GET,   /api/v1/api-keys,                     403",
            "AGENT,        GET,   /api/v1/admin/tickets/outbox,         403",
            // product teams: masked feedback, stats, NPS, classifier predict, corrections
            "PRODUCT,      GET,   /api/v1/feedback,                     200",
            "PRODUCT,      GET,   /api/v1/feedback/f-1,                 200",
            "PRODUCT,      GET,   /api/v1/feedback/stats,               200",
            "PRODUCT,      PATCH, /api/v1/feedback/f-1,                 200",
            "PRODUCT,      POST,  /api/v1/classifier/predict,           201",
            "PRODUCT,      GET,   /api/v1/nps,                          200",
            "PRODUCT,      GET,   /api/v1/surveys/s-1/nps,              200",
            "PRODUCT,      POST,  /api/v1/feedback,                     403",
            "PRODUCT,      POST,  /api/v1/feedback/batch,               403",
            "PRODUCT,      DELETE, /api/v1/feedback/f-1,                403",
            "PRODUCT,      GET,   /api/v1/tickets,                      403",
            "PRODUCT,      GET,   /api/v1/teams/billing/queue,          403",
            "PRODUCT,      GET,   /api/v1/surveys,                      403",
            "PRODUCT,      POST,  /api/v1/surveys,                      403",
            "PRODUCT,      POST,  /api/v1/classifier/retrain,           403",
            "PRODUCT,      GET,   /api/v1/api-keys,                     403",
            "PRODUCT,      GET,   /api/v1/admin/feedback/deliveries,    403",
            // admins: everything
            "ADMIN,        POST,  /api/v1/feedback,                     201",
            "ADMIN,        POST,  /api/v1/feedback/batch,               201",
            "ADMIN,        GET,   /api/v1/feedback,                     200",
            "ADMIN,        GET,   /api/v1/tickets,                      200",
            "ADMIN,        GET,   /api/v1/teams,                        200",
            "ADMIN,        POST,  /api/v1/teams,                        201",
            "ADMIN,        POST,  /api/v1/routing-rules,                201",
            "ADMIN,        PUT,   /api/v1/sla-policies/p-1,             200",
            "ADMIN,        DELETE, /api/v1/routing-rules/r-1,           200",
            "ADMIN,        POST,  /api/v1/surveys,                      201",
            "ADMIN,        POST,  /api/v1/surveys/s-1/invitations,      201",
            "ADMIN,        GET,   /api/v1/follow-ups,                   200",
            "ADMIN,        GET,   /api/v1/api-keys,                     200",
            "ADMIN,        GET,   /api/v1/admin/feedback/deliveries,    200",
            "ADMIN,        POST,  /api/v1/admin/tickets/outbox/o-1/retry, 201",
            "ADMIN,        GET,   /api/v1/admin/surveys/outbox,         200",
            // no key at all: only the token routes
            "NONE,         POST,  /api/v1/survey-responses,             201",
            "NONE,         GET,   /api/v1/survey-responses/tok-1,       200",
            "NONE,         POST,  /api/v1/follow-ups/tok-1/answer,      201",
            "NONE,         GET,   /api/v1/follow-ups/tok-1,             200",
            "NONE,         POST,  /api/v1/unsubscribe/tok-1,            201",
            "NONE,         POST,  /api/v1/feedback,                     401",
            "NONE,         GET,   /api/v1/customers/c-1/pending-surveys, 401",
            "NONE,         GET,   /api/v1/tickets,                      401",
            "NONE,         GET,   /api/v1/api-keys,                     401"})
    void enforcesTheMatrix(String role, String method, String path, int expected) {
        RequestSpecification request = given();
        if (!role.equals("NONE")) {
            request.header("Authorization", bearer(Role.valueOf(role)));
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.contentType("application/json").body("{}");
        }
        var response = request.when().request(method, path).then().statusCode(expected);
        if (expected >= 400) {
            response.contentType("application/problem+json").header("X-Stub", nullValue());
        } else if (!path.startsWith("/api/v1/api-keys")) {
            response.body("uri", equalTo(path)).body("method", equalTo(method));
        }
    }
}
