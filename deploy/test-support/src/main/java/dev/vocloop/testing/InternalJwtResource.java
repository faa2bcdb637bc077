package dev.vocloop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The internal JWT keys for a service under test (CONTRACT.md, Internal tokens): fresh RSA key
 * pairs per test JVM, never a key kept in the repository, one for the gateway and one for the
 * services, as in production. A service verifies with both public keys and signs its own hand-over
 * calls with the services' private key; the gateway signs with its own. Tests sign their calls with
 * {@link TestTokens}. Requests sent through REST Assured without an {@code Authorization} header
 * get an ADMIN token (a SERVICE token on {@code /internal} routes), so tests about other behaviour need not repeat it; tests about access name
 * their caller with {@link TestTokens#as} or send none with {@link TestTokens#anonymous()}.
 */
public class InternalJwtResource implements QuarkusTestResourceLifecycleManager {

    /** The gateway's pair: it signs callers. */
    static final KeyPair GATEWAY_KEYS = generate();
    /** The services' pair: they sign their SERVICE hand-overs. */
    static final KeyPair SERVICE_KEYS = generate();
    private static volatile boolean filterInstalled;
    private boolean defaultToken = true;

    /**
     * {@code defaultToken=false} for the gateway, whose clients send API keys, not internal tokens:
     * it gets its signing key only.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        defaultToken = !"false".equals(initArgs.get("defaultToken"));
    }

    @Override
    public Map<String, String> start() {
        if (!defaultToken) {
            return Map.of("internal-jwt.private-key", pem("PRIVATE KEY", GATEWAY_KEYS.getPrivate().getEncoded()));
        }
        installDefaultToken();
        String gatewayPublic = pem("PUBLIC KEY", GATEWAY_KEYS.getPublic().getEncoded());
        return Map.of(
                "internal-jwt.gateway-public-key", gatewayPublic,
                "internal-jwt.service-public-key", pem("PUBLIC KEY", SERVICE_KEYS.getPublic().getEncoded()),
                "mp.jwt.verify.publickey", gatewayPublic,
                "internal-jwt.private-key", pem("PRIVATE KEY", SERVICE_KEYS.getPrivate().getEncoded()));
    }

    @Override
    public void stop() {
    }

    private static synchronized void installDefaultToken() {
        if (filterInstalled) {
            return;
        }
        Filter defaultToken = (request, response, ctx) -> {
            if (request.getHeaders().hasHeaderWithName(TestTokens.ANONYMOUS_MARKER)) {
                request.removeHeader(TestTokens.ANONYMOUS_MARKER);
            } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                // Hand-over routes are for services; everything else defaults to an admin.
                boolean internal = request.getURI().contains("/internal/");
                request.header("Authorization", internal ? TestTokens.bearerFor("test-service", "SERVICE") : TestTokens.bearer("ADMIN"));
            }
            return ctx.next(request, response);
        };
        RestAssured.filters(defaultToken);
        filterInstalled = true;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** A fresh RSA-2048 key pair. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
