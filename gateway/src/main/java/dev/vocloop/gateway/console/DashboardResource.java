package dev.vocloop.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vocloop.gateway.console.Views.Count;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product dashboard: NPS trend with its confidence band, feedback volume by intent, topic and
 * channel, closed-loop and SLA breach rates. Each tile reads one API endpoint; a tile whose
 * endpoint is missing, refused for the role or down shows an empty state, not an error page.
 */
@Path("/console/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private final ConsolePages pages;
    private final ConsoleApi api;
    private final ObjectMapper json;
    private final Messages messages;

    public DashboardResource(ConsolePages pages, ConsoleApi api, ObjectMapper json, Messages messages) {
        this.pages = pages;
        this.api = api;
        this.json = json;
        this.messages = messages;
    }

    /** The NPS over the period with its interval and the three counts. */
    @TemplateData
    public record NpsSummary(long n, String nps, long promoters, long passives, long detractors, String ciLow, String ciHigh) {
    }

    /** The loop's ticket rates in percent (empty text when not measurable). */
    @TemplateData
    public record LoopRates(String closedLoopRate, String slaBreachRate, long created, long resolved) {
    }

    @GET
    public TemplateInstance dashboard(@Context HttpHeaders headers, @QueryParam("lang") String lang) {
        ConsoleSession session = pages.requireSession(headers);
        pages.requireRole(session.isProduct() || session.isAgent());
        ApiResult nps = api.get(session, "/api/v1/nps?interval=week");
        ApiResult metrics = api.get(session, "/api/v1/tickets/metrics");
        Map<String, List<Count>> volumes = new LinkedHashMap<>();
        for (String dimension : List.of("intent", "topic", "channel")) {
            ApiResult stats = api.get(session, "/api/v1/feedback/stats?dimension=" + dimension + "&interval=week");
            volumes.put(dimension, stats.ok() ? counts(stats.body().path("totals")) : List.of());
        }
        // NPS by segment: survey-service groups by any customer attribute, one attribute per call.
        ApiResult byTier = api.get(session, "/api/v1/nps?interval=week&segment=tier");
        ApiResult byStage = api.get(session, "/api/v1/nps?interval=week&segment=lifecycleStage");
        AgentResource.failUnlessSignedIn(nps);
        String language = Web.language(headers, lang);
        return pages.page("dashboard", language, session, "/console/dashboard")
                .data("byTier", NpsSegments.of(byTier, "tier_", messages.of(language), json))
                .data("byStage", NpsSegments.of(byStage, "stage_", messages.of(language), json))
                .data("nps", npsSummary(nps))
                .data("trend", nps.ok() ? trend(nps.body().path("trend")) : "[]")
                .data("rates", metrics.ok() ? rates(metrics.body()) : null)
                .data("intents", volumes.get("intent"))
                .data("topics", volumes.get("topic"))
                .data("channels", volumes.get("channel"));
    }

    private static NpsSummary npsSummary(ApiResult nps) {
        JsonNode b = nps.body();
        if (!nps.ok() || !b.path("n").isNumber() || b.path("n").asLong() == 0) {
            return null;
        }
        return new NpsSummary(b.path("n").asLong(), Views.str(b, "nps"), b.path("promoters").asLong(), b.path("passives").asLong(),
                b.path("detractors").asLong(), oneDecimal(b.path("ciLow")), oneDecimal(b.path("ciHigh")));
    }

    /** The trend as the chart script reads it: period, nps, ciLow, ciHigh, significant change. */
    private String trend(JsonNode trend) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (JsonNode p : trend) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("period", Views.str(p, "period"));
            point.put("nps", p.path("nps").isNumber() ? p.path("nps").asDouble() : null);
            point.put("ciLow", p.path("ciLow").isNumber() ? p.path("ciLow").asDouble() : null);
            point.put("ciHigh", p.path("ciHigh").isNumber() ? p.path("ciHigh").asDouble() : null);
            point.put("n", p.path("n").asLong());
            point.put("significant", p.path("change").path("significant").asBoolean(false));
            points.add(point);
        }
        try {
            return json.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }

    private static LoopRates rates(JsonNode m) {
        return new LoopRates(percent(m.path("closedLoopRate")), percent(m.path("slaBreachRate")), m.path("created").asLong(),
                m.path("resolved").asLong());
    }

    private static List<Count> counts(JsonNode totals) {
        List<Count> out = new ArrayList<>();
        totals.fields().forEachRemaining(e -> out.add(new Count(e.getKey(), e.getValue().asLong())));
        out.sort((a, b) -> Long.compare(b.count(), a.count()));
        return out;
    }

    private static String percent(JsonNode rate) {
        return rate.isNumber() ? String.format("%.1f %%", rate.asDouble() * 100) : "";
    }

    private static String oneDecimal(JsonNode v) {
        return v.isNumber() ? String.format("%.1f", v.asDouble()) : "";
    }
}
