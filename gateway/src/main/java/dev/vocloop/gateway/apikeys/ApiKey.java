package dev.vocloop.gateway.apikeys;

import dev.vocloop.gateway.auth.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An API key: its role, the teams of an agent, and the hash of its secret (never the secret). */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Role role;

    /** Comma-separated team keys; team keys cannot contain commas (see {@link CreateApiKeyRequest}). */
    public String teams;

    @Column(name = "key_hash")
    public String keyHash;

    /** The first characters of the secret, so that people can tell their keys apart. */
    @Column(name = "key_prefix")
    public String keyPrefix;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /**
     * CUSTOMER_APP keys: the HMAC key the app's server signs customer ids with. Kept readable,
     * unlike the key's secret, because the gateway computes the same HMAC; never logged or listed.
     * Null for keys created before identity verification existed and for other roles.
     */
    @Column(name = "identity_secret")
    public String identitySecret;

    /** CUSTOMER_APP keys: whether the key may act only for a customer proved by a signature. */
    @Column(name = "identity_required")
    public boolean identityRequired;

    public List<String> teamList() {
        return teams == null || teams.isEmpty() ? List.of() : Arrays.asList(teams.split(","));
    }

    static ApiKey findByHash(String hash) {
        return find("keyHash", hash).firstResult();
    }
}
