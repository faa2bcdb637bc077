package dev.vocloop.security;

import dev.vocloop.commons.auth.InternalTokens;
import dev.vocloop.commons.auth.Roles;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * Verifies an internal token with the key its {@code kid} names and binds roles to keys
 * (CONTRACT.md, Internal tokens): {@code SERVICE} only from the services' key, every caller role
 * only from the gateway's. A service that leaks its key can then call other services' hand-over
 * routes but cannot act as an admin, an agent or a customer; the gateway's key cannot sign a
 * hand-over. Signature, issuer, audience and expiry are checked by smallrye-jwt's own parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class KeyBoundTokenFactory extends JWTCallerPrincipalFactory {

    private final Map<String, PublicKey> keys;
    private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    /** The configured verification settings with one key each, made once per key id. */
    private final Map<String, JWTAuthContextInfo> contexts = new ConcurrentHashMap<>(2);

    @Inject
    public KeyBoundTokenFactory(@ConfigProperty(name = "internal-jwt.gateway-public-key") Optional<String> gatewayKey,
            @ConfigProperty(name = "internal-jwt.service-public-key") Optional<String> serviceKey) {
        Map<String, PublicKey> found = new HashMap<>(2);
        decode(gatewayKey, "GATEWAY_JWT_PUBLIC_KEY").ifPresent(k -> found.put(InternalTokens.GATEWAY_KEY_ID, k));
        decode(serviceKey, "SERVICE_JWT_PUBLIC_KEY").ifPresent(k -> found.put(InternalTokens.SERVICE_KEY_ID, k));
        this.keys = Map.copyOf(found);
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo configured) throws ParseException {
        String keyId = keyIdOf(token);
        PublicKey key = keys.get(keyId);
        if (key == null) {
            throw new ParseException("the token names no key this service trusts");
        }
        JWTAuthContextInfo context = contexts.computeIfAbsent(keyId, id -> {
            JWTAuthContextInfo one = new JWTAuthContextInfo(configured);
            one.setPublicVerificationKey(key);
            return one;
        });
        JWTCallerPrincipal principal = verifier.parse(token, context);
        Set<String> groups = principal.getGroups();
        boolean service = groups != null && groups.contains(Roles.SERVICE);
        if (service != keyId.equals(InternalTokens.SERVICE_KEY_ID) || (service && groups.size() != 1)) {
            throw new ParseException("the " + keyId + " key may not sign this role");
        }
        return principal;
    }

    private static String keyIdOf(String token) throws ParseException {
        try {
            String keyId = JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
            if (keyId == null) {
                throw new ParseException("the token names no key");
            }
            return keyId;
        } catch (JoseException e) {
            throw new ParseException("the token is not a compact JWS", e);
        }
    }

    private static Optional<PublicKey> decode(Optional<String> pem, String variable) {
        return pem.filter(s -> !s.isBlank()).map(s -> {
            try {
                return KeyUtils.decodePublicKey(s);
            } catch (Exception e) {
                // Names the variable, not the content.
                throw new IllegalStateException(variable + " is not a PEM X.509 RSA public key");
            }
        });
    }
}
