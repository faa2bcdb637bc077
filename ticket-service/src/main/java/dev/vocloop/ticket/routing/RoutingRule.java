package dev.vocloop.ticket.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One routing rule; rules are tried by {@code position}, the first match wins. */
@Entity
@Table(name = "routing_rules")
public class RoutingRule extends PanacheEntityBase {

    @Id
    public String id;

    public int position;

    public String name;

    public boolean enabled = true;

    @JdbcTypeCode(SqlTypes.JSON)
    public RuleConditions conditions;

    @JdbcTypeCode(SqlTypes.JSON)
    public RuleAction action;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
