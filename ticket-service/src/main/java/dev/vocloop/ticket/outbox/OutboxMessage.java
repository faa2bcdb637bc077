package dev.vocloop.ticket.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A hand-over to another service, written in the transaction of the change that causes it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    public String id;

    /** The REST client config key of the receiver, e.g. {@code survey-service}. */
    public String destination;

    public String path;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** The JSON body, sent as it was written. */
    public String payload;

    public String state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
