package dev.vocloop.survey.response;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.vocloop.survey.survey.SurveyType;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One answer to a survey, with the segment attributes of the invitation copied for aggregation. */
@Entity
@Table(name = "survey_responses")
public class SurveyResponse extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "survey_id")
    public String surveyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "survey_type")
    public SurveyType surveyType;

    @Column(name = "invitation_id")
    public String invitationId;

    @Column(name = "customer_id")
    public String customerId;

    public int score;

    public String comment;

    public String channel;

    public String tier;

    @Column(name = "lifecycle_stage")
    public String lifecycleStage;

    public String product;

    public String region;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> attributes;

    /** Whether the answer was handed to feedback-service. */
    public boolean forwarded;

    @Column(name = "created_at")
    public Instant createdAt;
}
