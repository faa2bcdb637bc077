package dev.vocloop.survey.analytics;

import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.survey.config.SurveyConfig;
import dev.vocloop.survey.survey.SurveyType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * NPS, CSAT and CES reports. Every number comes from one aggregation in PostgreSQL: a single scan
 * with {@code GROUPING SETS} yields the overall value, the trend buckets ({@code date_trunc}) and
 * the segments at once, with {@code FILTER} clauses counting promoters, passives and detractors.
 * No answer is loaded into memory; {@link ScoreStatistics} turns the counts into values and intervals.
 */
@ApplicationScoped
public class AnalyticsService {

    /** Segment names that are columns; any other name is looked up in the customer attributes. */
    private static final Map<String, String> SEGMENT_COLUMNS = Map.of(
            "tier", "tier", "lifecycleStage", "lifecycle_stage", "product", "product", "region", "region", "channel", "channel");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_.-]{1,50}");
    private static final List<String> INTERVALS = List.of("day", "week", "month");
    /** Shown for answers without a value of the segment attribute. */
    static final String NO_VALUE = "(none)";

    private final EntityManager em;
    private final SurveyConfig config;

    public AnalyticsService(EntityManager em, SurveyConfig config) {
        this.em = em;
        this.config = config;
    }

    /** The validated query: period, bucket size and optional segment. */
    public record Window(Instant from, Instant to, String interval, String segment) {
    }

    /** Invited and answered in the period, and the rate in percent. */
    public record ResponseRate(long invited, long responded, Double rate) {
    }

    /** One row of the aggregation: which grouping it belongs to and its raw sums. */
    record Row(boolean overall, LocalDateTime bucket, String segment, long a, long b, double c) {
    }

    /** Parses and checks the query parameters; every problem is a 400 naming the parameter. */
    public Window window(String from, String to, String interval, String segment) {
        Instant end = to == null || to.isBlank() ? Instant.now() : instant("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(config.analytics().defaultDays(), ChronoUnit.DAYS)
                : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "must be before to");
        }
        String bucket = interval == null || interval.isBlank() ? "week" : interval;
        if (!INTERVALS.contains(bucket)) {
            throw ProblemException.invalidField("interval", "must be day, week or month");
        }
        if (segment != null && !segment.isBlank() && !ATTRIBUTE.matcher(segment).matches()) {
            throw ProblemException.invalidField("segment", "must be an attribute name such as tier, lifecycleStage, product, region, channel");
        }
        return new Window(start, end, bucket, segment == null || segment.isBlank() ? null : segment);
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                LocalDate day = LocalDate.parse(value);
                // a bare date as "to" includes that day
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.invalidField(field, "must be an ISO-8601 instant or a date (yyyy-MM-dd)");
            }
        }
    }

    /**
     * Runs the one aggregation. {@code surveyId} null means every survey of the type. The result
     * rows: one overall row, one per bucket, and one per segment value when a segment is asked for.
     */
    @SuppressWarnings("unchecked")
    List<Row> aggregate(SurveyType type, String surveyId, Window w) {
        String measures = switch (type) {
            case NPS -> "count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score BETWEEN 7 AND 8), count(*) FILTER (WHERE score <= 6)";
            case CSAT -> "count(*), count(*) FILTER (WHERE score >= 4), 0";
            case CES -> "count(*), sum(score), sum(score * score)";
        };
        String segmentExpression = w.segment() == null ? null
                : SEGMENT_COLUMNS.containsKey(w.segment()) ? SEGMENT_COLUMNS.get(w.segment()) : "attributes ->> :segmentKey";
        // The interval is one of three literals (checked above); everything the client sent is a bind parameter.
        String sql = "SELECT GROUPING(bucket), bucket, " + (segmentExpression == null ? "NULL" : "seg") + ", " + measures
                + " FROM (SELECT date_trunc('" + w.interval() + "', created_at AT TIME ZONE 'UTC') AS bucket, "
                + (segmentExpression == null ? "" : "COALESCE(" + segmentExpression + ", '" + NO_VALUE + "') AS seg, ")
                + "score FROM survey_responses WHERE survey_type = :type"
                + (surveyId == null ? "" : " AND survey_id = :surveyId")
                + " AND created_at >= :from AND created_at < :to) r"
                + (segmentExpression == null ? " GROUP BY GROUPING SETS ((), (bucket))"
                        : " GROUP BY GROUPING SETS ((), (bucket), (seg))");
        Query query = em.createNativeQuery(sql)
                .setParameter("type", type.name())
                .setParameter("from", w.from())
                .setParameter("to", w.to());
        if (surveyId != null) {
            query.setParameter("surveyId", surveyId);
        }
        if (segmentExpression != null && !SEGMENT_COLUMNS.containsKey(w.segment())) {
            query.setParameter("segmentKey", w.segment());
        }
        List<Object[]> rows = query.getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            boolean noBucket = ((Number) r[0]).intValue() == 1;
            LocalDateTime bucket = r[1] == null ? null : r[1] instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) r[1];
            String segment = noBucket && r[2] != null ? r[2].toString() : null;
            boolean overall = noBucket && segment == null;
            result.add(new Row(overall, noBucket ? null : bucket, segment, num(r[3]), num(r[4]), r[5] == null ? 0 : ((Number) r[5]).doubleValue()));
        }
        result.sort(Comparator.comparing(Row::bucket, Comparator.nullsFirst(Comparator.naturalOrder())));
        return result;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    ResponseRate responseRate(SurveyType type, String surveyId, Window w) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE i.status = 'ANSWERED')
                  FROM invitations i JOIN surveys s ON s.id = i.survey_id
                 WHERE s.type = :type AND (CAST(:surveyId AS varchar) IS NULL OR i.survey_id = :surveyId)
                   AND i.created_at >= :from AND i.created_at < :to
                """)
                .setParameter("type", type.name())
                .setParameter("surveyId", surveyId)
                .setParameter("from", w.from())
                .setParameter("to", w.to())
                .getSingleResult();
        long invited = num(r[0]);
        long responded = num(r[1]);
        return new ResponseRate(invited, responded, invited == 0 ? null : ScoreStatistics.round(100.0 * responded / invited));
    }

    /** A survey's type, or 404 / 400 when it does not exist or is of another type. */
    public void checkSurvey(String surveyId, SurveyType expected) {
        dev.vocloop.survey.survey.Survey survey = dev.vocloop.survey.survey.Survey.findById(surveyId);
        if (survey == null) {
            throw ProblemException.notFound("no survey " + surveyId);
        }
        if (survey.type != expected) {
            throw ProblemException.badRequest("survey " + surveyId + " is a " + survey.type + " survey, not " + expected);
        }
    }

    public Report<ScoreStatistics.Nps> nps(String surveyId, Window w) {
        int minN = config.analytics().minN();
        return report(SurveyType.NPS, surveyId, w, row -> ScoreStatistics.nps(row.a(), row.b(), (long) row.c(), minN),
                ScoreStatistics::change, ScoreStatistics.nps(0, 0, 0, minN));
    }

    public Report<ScoreStatistics.Csat> csat(String surveyId, Window w) {
        int minN = config.analytics().minN();
        return report(SurveyType.CSAT, surveyId, w, row -> ScoreStatistics.csat(row.a(), row.b(), minN),
                ScoreStatistics::change, ScoreStatistics.csat(0, 0, minN));
    }

    public Report<ScoreStatistics.Ces> ces(String surveyId, Window w) {
        int minN = config.analytics().minN();
        return report(SurveyType.CES, surveyId, w, row -> ScoreStatistics.ces(row.a(), row.b(), row.c(), minN),
                ScoreStatistics::change, ScoreStatistics.ces(0, 0, 0, minN));
    }

    private <V> Report<V> report(SurveyType type, String surveyId, Window w, Function<Row, V> value,
                                 BiFunction<V, V, ScoreStatistics.Change> change, V empty) {
        if (surveyId != null) {
            checkSurvey(surveyId, type);
        }
        V overall = empty;
        List<Report.Point<V>> trend = new ArrayList<>();
        List<Report.Segment<V>> segments = w.segment() == null ? null : new ArrayList<>();
        V previous = null;
        for (Row row : aggregate(type, surveyId, w)) {
            V v = value.apply(row);
            if (row.overall()) {
                overall = v;
            } else if (row.bucket() != null) {
                trend.add(new Report.Point<>(row.bucket().toLocalDate().toString(), v, previous == null ? null : change.apply(previous, v)));
                previous = v;
            } else if (segments != null) {
                segments.add(new Report.Segment<>(row.segment(), v));
            }
        }
        if (segments != null) {
            segments.sort(Comparator.comparing(Report.Segment::segment));
        }
        return new Report<>(surveyId, type.name(), w.from(), w.to(), w.interval(), config.analytics().minN(), overall,
                responseRate(type, surveyId, w), trend, w.segment(), segments);
    }

    /**
     * Detractor recovery: customers whose first NPS answer in the period was 0-6, how many answered
     * an NPS survey again later, and how many of those answered 7 or more the last time (recovered).
     */
    public record Recovery(Instant from, Instant to, long detractors, long askedAgain, long recovered, Double recoveryRate,
                           Double ciLow, Double ciHigh, boolean significant) {
    }

    public Recovery recovery(Window w) {
        Object[] r = (Object[]) em.createNativeQuery("""
                WITH d AS (
                    SELECT customer_id, min(created_at) AS first_at FROM survey_responses
                     WHERE survey_type = 'NPS' AND score <= 6 AND created_at >= :from AND created_at < :to
                     GROUP BY customer_id),
                latest AS (
                    SELECT DISTINCT ON (d.customer_id) d.customer_id, r.score
                      FROM d JOIN survey_responses r
                        ON r.customer_id = d.customer_id AND r.survey_type = 'NPS' AND r.created_at > d.first_at
                     ORDER BY d.customer_id, r.created_at DESC)
                SELECT (SELECT count(*) FROM d), count(*), count(*) FILTER (WHERE score >= 7) FROM latest
                """)
                .setParameter("from", w.from())
                .setParameter("to", w.to())
                .getSingleResult();
        long detractors = num(r[0]);
        long again = num(r[1]);
        long recovered = num(r[2]);
        // The rate is a proportion of those asked again: Wilson interval, as for CSAT.
        ScoreStatistics.Csat share = ScoreStatistics.csat(again, recovered, config.analytics().minN());
        return new Recovery(w.from(), w.to(), detractors, again, recovered, share.csat(), share.ciLow(), share.ciHigh(),
                share.significant());
    }
}
