package dev.vocloop.survey.survey;

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

/** A survey: its type, wording per locale and whether it takes invitations. */
@Entity
@Table(name = "surveys")
public class Survey extends PanacheEntityBase {

    /** DRAFT (being written), ACTIVE (invitations and answers), CLOSED (nothing new). */
    public enum Status { DRAFT, ACTIVE, CLOSED }

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public SurveyType type;

    public String name;

    /** Question per locale tag, e.g. {@code zh-CN}, {@code en}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> questions;

    /** Optional open question ("what is the main reason for your score?") per locale. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "follow_up_questions")
    public Map<String, String> followUpQuestions;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The wording for a customer's locale: Chinese for any zh locale, else English, else any. */
    public static String localized(Map<String, String> texts, String locale) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        if (locale != null && texts.containsKey(locale)) {
            return texts.get(locale);
        }
        boolean chinese = dev.vocloop.survey.contact.CustomerRef.isChinese(locale);
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (chinese == dev.vocloop.survey.contact.CustomerRef.isChinese(e.getKey()) && (chinese || e.getKey().startsWith("en"))) {
                return e.getValue();
            }
        }
        return texts.values().iterator().next();
    }
}
