package dev.vocloop.survey.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One hand-over to another service, written in the same transaction as the change that causes it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    /** PENDING until the receiver answers 2xx (DELIVERED) or it is parked (FAILED). */
    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public HandOver kind;

    /** Id in the receiver's path, e.g. the ticket id. */
    @Column(name = "target_id")
    public String targetId;

    public String path;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** JSON body, sent as is. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
