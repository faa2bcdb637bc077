package dev.vocloop.gateway.auth;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Authentication settings of the gateway. */
@ConfigMapping(prefix = "vocloop.gateway")
public interface AuthConfig {

    /**
     * The bootstrap admin API key ({@code VOCLOOP_ADMIN_KEY}); it works next to the keys stored in
     * the database, so a fresh installation can create its first keys. Unset: only stored keys work.
     */
    Optional<String> adminKey();
}
