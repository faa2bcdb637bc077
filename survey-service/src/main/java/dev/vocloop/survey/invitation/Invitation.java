package dev.vocloop.survey.invitation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One customer invited to one survey, with the single-use token of their answer. */
@Entity
@Table(name = "invitations")
public class Invitation extends PanacheEntityBase {

    /** How the customer is invited. */
    public enum Channel { EMAIL, LINK, IN_APP }

    /** INVITED until answered. */
    public enum Status { INVITED, ANSWERED }

    @Id
    public String id;

    @Column(name = "survey_id")
    public String surveyId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_email")
    public String customerEmail;

    @Column(name = "customer_locale")
    public String customerLocale;

    public String tier;

    @Column(name = "lifecycle_stage")
    public String lifecycleStage;

    public String product;

    public String region;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> attributes;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String token;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;
}
