package dev.vocloop.ticket.routing;

import dev.vocloop.ticket.store.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One routing rule; rules are tried by {@code position}, the first match wins. */
@Entity
@Table(name = "routing_rules")
public class RoutingRule extends VersionedEntity {

    @Id
    public String id;

    public int position;

    public String name;

    public boolean enabled = true;

    @JdbcTypeCode(SqlTypes.JSON)
    public RuleConditions conditions;

    @JdbcTypeCode(SqlTypes.JSON)
    public RuleAction action;
}
