-- Identity verification of CUSTOMER_APP keys (gateway README, Identity verification).
--   identity_secret    "vlid_" and 32 random bytes (base64url): the HMAC-SHA256 key (its UTF-8 bytes) the app's server signs customer ids
--                      with; kept as it is (not hashed) because the gateway must compute the same HMAC.
--                      NULL for keys created before this migration and for other roles.
--   identity_required  whether the key may act only for a customer proved by a signature. Existing keys
--                      keep the old behaviour (false); new CUSTOMER_APP keys default to true.
ALTER TABLE api_key ADD COLUMN identity_secret TEXT;
ALTER TABLE api_key ADD COLUMN identity_required BOOLEAN NOT NULL DEFAULT FALSE;
