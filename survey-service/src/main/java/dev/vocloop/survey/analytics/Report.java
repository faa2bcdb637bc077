package dev.vocloop.survey.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * An NPS, CSAT or CES report: the value over the period (its fields at the top level), the
 * response rate, the trend with each point's interval and whether it changed significantly from
 * the previous point, and, with {@code segment=}, the value per segment.
 *
 * @param <V> {@link ScoreStatistics.Nps}, {@link ScoreStatistics.Csat} or {@link ScoreStatistics.Ces}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report<V>(String surveyId, String type, Instant from, Instant to, String interval, int minN,
                        @JsonUnwrapped V value, AnalyticsService.ResponseRate responseRate, List<Point<V>> trend,
                        String segment, List<Segment<V>> segments) {

    /** One trend bucket (start of the day / ISO week / month, UTC). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point<V>(String period, @JsonUnwrapped V value, ScoreStatistics.Change change) {
    }

    /** One value of the segment attribute. */
    public record Segment<V>(String segment, @JsonUnwrapped V value) {
    }
}
