package dev.vocloop.gateway.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vocloop.gateway.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Console sessions, in the memory of this gateway instance. That is enough for one gateway; with
 * several replicas a user must stick to one (or the store must move to the gateway's database),
 * and a restart signs everybody out. Sessions end after the configured idle time.
 */
@ApplicationScoped
public class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, ConsoleSession> sessions;

    public SessionStore(ConsoleConfig config) {
        this.sessions = Caffeine.newBuilder()
                .expireAfterAccess(config.sessionIdleTimeout())
                .maximumSize(config.maxSessions())
                .build();
    }

    /** Opens a session for an authenticated caller and its key. */
    public ConsoleSession open(Caller caller, String apiKey) {
        ConsoleSession session = new ConsoleSession(randomToken(), caller.subject(), caller.role(), caller.teams(), apiKey,
                randomToken());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of a cookie value; reading it counts as activity. */
    public Optional<ConsoleSession> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessions.getIfPresent(id));
    }

    public void close(String id) {
        if (id != null) {
            sessions.invalidate(id);
        }
    }

    /** 256 random bits, URL-safe: unguessable session ids and CSRF tokens. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
