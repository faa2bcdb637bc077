package dev.vocloop.gateway.limits;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Buckets in PostgreSQL (table {@code rate_limit_bucket}, migration V2), shared by every gateway
 * replica through Bucket4j's select-for-update backend: a take locks the bucket's row, computes the
 * new state here and writes it back in one transaction (SELECT ... FOR UPDATE, UPDATE, COMMIT).
 * The advisory-lock backend needs one statement more per take and locks on the 32-bit hash of the
 * id, so unrelated keys can wait for each other; see gateway/README.md, Limits, for the figures.
 */
final class SharedBuckets implements Buckets {

    static final String TABLE = "rate_limit_bucket";

    private final DataSource dataSource;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    SharedBuckets(DataSource dataSource) {
        this.dataSource = dataSource;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // A row expires when its bucket is full again: a full bucket is what a missing row
                // is recreated as, so deleting it then forgets nothing.
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    public ConsumptionProbe take(String id, BucketConfiguration configuration) {
        return buckets.builder().build(id, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    /** Deletes up to {@code limit} rows whose bucket is full again; rows locked by a take are skipped. */
    int removeExpired(int limit) {
        return buckets.removeExpired(limit);
    }

    /** Whether the database answers and has the table: for probing while the shared buckets are not used. */
    void ping() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1 FROM " + TABLE + " LIMIT 1");
        }
    }

    /**
     * Closes the pool's idle connections after a failure: when the server went away they are all
     * broken, and each would otherwise fail one more take after the server is back.
     */
    void forgetIdleConnections() {
        if (dataSource instanceof AgroalDataSource agroal) {
            agroal.flush(AgroalDataSource.FlushMode.IDLE);
        }
    }
}
