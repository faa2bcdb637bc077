package dev.vocloop.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's NPS by segment (tier, lifecycle stage), read from survey-service's
 * {@code GET /api/v1/nps?segment=}: one row per value with n, the three counts and the 95%
 * interval, plus the same as JSON for the bar chart. A value below survey-service's minimum n is
 * shown and marked, never hidden (DESIGN.md, NPS).
 */
final class NpsSegments {

    /** survey-service's name for answers without a value of the attribute. */
    private static final String NO_VALUE = "(none)";

    private NpsSegments() {
    }

    /** One segment value. {@code enough} is false below survey-service's minimum n. */
    @TemplateData
    public record Segment(String value, String label, long n, String nps, String ciLow, String ciHigh, long promoters,
            long passives, long detractors, boolean enough) {
    }

    /** The segments of one attribute and their chart data (empty when the API gave none). */
    @TemplateData
    public record Table(List<Segment> rows, String chart) {
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    static Table of(ApiResult report, String labelPrefix, Map<String, String> m, ObjectMapper json) {
        List<Segment> rows = new ArrayList<>();
        List<Map<String, Object>> points = new ArrayList<>();
        if (report.ok()) {
            for (JsonNode s : report.body().path("segments")) {
                String value = Views.str(s, "segment");
                if (value.isEmpty() || !s.path("n").isNumber() || s.path("n").asLong() == 0) {
                    continue;
                }
                String label = NO_VALUE.equals(value) ? m.getOrDefault("segments_none", value)
                        : m.getOrDefault(labelPrefix + value, value);
                Segment row = new Segment(value, label, s.path("n").asLong(), Views.str(s, "nps"), oneDecimal(s.path("ciLow")),
                        oneDecimal(s.path("ciHigh")), s.path("promoters").asLong(), s.path("passives").asLong(),
                        s.path("detractors").asLong(), s.path("significant").asBoolean(false));
                rows.add(row);
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("label", label);
                point.put("nps", s.path("nps").isNumber() ? s.path("nps").asDouble() : null);
                point.put("ciLow", s.path("ciLow").isNumber() ? s.path("ciLow").asDouble() : null);
                point.put("ciHigh", s.path("ciHigh").isNumber() ? s.path("ciHigh").asDouble() : null);
                point.put("n", row.n());
                point.put("enough", row.enough());
                points.add(point);
            }
        }
        try {
            return new Table(rows, json.writeValueAsString(points));
        } catch (JsonProcessingException e) {
            return new Table(rows, "[]");
        }
    }

    private static String oneDecimal(JsonNode v) {
        return v.isNumber() ? String.format("%.1f", v.asDouble()) : "";
    }
}
