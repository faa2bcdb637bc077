-- Rate-limit buckets shared by every gateway replica (RateLimiter, Bucket4j's PostgreSQL
-- select-for-update backend). One row per bucket:
--   id          'key:<api key id>' or 'ip:<client address>'
--   state       the bucket as Bucket4j serializes it
--   expires_at  epoch milliseconds when the bucket is full again; BucketCleanupJob deletes rows past
--               it, since a missing row is recreated as a full bucket.
-- Every take rewrites its row: the free space left in each page (fillfactor) lets PostgreSQL
-- update in place (HOT), and no index besides the key, so cleanup scans the table (once a minute).
CREATE TABLE rate_limit_bucket (
    id         TEXT   PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
) WITH (fillfactor = 70);
