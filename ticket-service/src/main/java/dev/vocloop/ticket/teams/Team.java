package dev.vocloop.ticket.teams;

import dev.vocloop.ticket.store.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A team that owns tickets: its members (agent ids), lead and business calendar. */
@Entity
@Table(name = "teams")
public class Team extends VersionedEntity {

    @Id
    public String key;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> members = new ArrayList<>();

    public String lead;

    @JdbcTypeCode(SqlTypes.JSON)
    public BusinessCalendar calendar;

    @Column(name = "rr_cursor")
    public long rrCursor;
}
