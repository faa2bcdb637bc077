package dev.vocloop.ticket.sla;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** First-response and resolution targets of one priority level. */
@Entity
@Table(name = "sla_policies")
public class SlaPolicy extends PanacheEntityBase {

    @Id
    public String priority;

    /** ISO-8601 duration, e.g. {@code PT4H} or {@code P3D}. */
    @Column(name = "first_response")
    public String firstResponse;

    public String resolution;

    @Column(name = "business_hours")
    public boolean businessHours;

    @Version
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public SlaTarget firstResponseTarget() {
        return new SlaTarget(Duration.parse(firstResponse), businessHours);
    }

    public SlaTarget resolutionTarget() {
        return new SlaTarget(Duration.parse(resolution), businessHours);
    }
}
