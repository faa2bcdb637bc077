-- API keys: only the SHA-256 of each secret is kept; the secret is shown once at creation.
CREATE TABLE api_key (
    id           VARCHAR(36)  PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    role         VARCHAR(20)  NOT NULL,
    teams        VARCHAR(1000) NOT NULL DEFAULT '',
    key_hash     CHAR(64)     NOT NULL UNIQUE,
    key_prefix   VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
