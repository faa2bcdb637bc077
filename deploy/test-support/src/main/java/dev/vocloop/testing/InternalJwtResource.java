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
 * The internal JWT keys for a service under test (CONTRACT.md, Internal tokens): a fresh RSA key
 * pair per test JVM, never a key kept in the repository. The service verifies with the public key
 * and signs its own hand-over calls with the private one; tests sign their calls with
 * {@link TestTokens}. Requests sent through REST Assured without an {@code Authorization} header
 * get an ADMIN token (a SERVICE token on {@code /internal} routes), so tests about other behaviour need not repeat it; tests about access name
 * their caller with {@link TestTokens#as} or send none with {@link TestTokens#anonymous()}.
 */
public class InternalJwtResource implements QuarkusTestResourceLifecycleManager {

    static final KeyPair KEYS = generate();
    private static volatile boolean filterInstalled;
    private boolean defaultToken = true;

    /**
     * {@code defaultToken=false} for the gateway, whose clients send API keys, not internal tokens:
     * it gets the signing key only.
     */
    @Override
    public void init(Map<String, String> initArgs) {
        defaultToken = !"false".equals(initArgs.get("defaultToken"));
    }

    @Override
    public Map<String, String> start() {
        if (defaultToken) {
            installDefaultToken();
        }
        return Map.of(
                "mp.jwt.verify.publickey", publicKeyPem(),
                "internal-jwt.private-key", privateKeyPem());
    }

    @Override
    public void stop() {
    }

    /** The key the services verify with, for tests that check a token the platform signed. */
    public static java.security.PublicKey publicKey() {
        return KEYS.getPublic();
    }

    public static String publicKeyPem() {
        return pem("PUBLIC KEY", KEYS.getPublic().getEncoded());
    }

    public static String privateKeyPem() {
        return pem("PRIVATE KEY", KEYS.getPrivate().getEncoded());
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
