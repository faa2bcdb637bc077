package dev.vocloop.feedback.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.feedback.classification.Classification;
import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import dev.vocloop.feedback.delivery.TicketServiceStub;
import dev.vocloop.feedback.items.Channel;
import dev.vocloop.feedback.items.Customer;
import dev.vocloop.feedback.items.SurveyScore;
import dev.vocloop.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(TicketServiceStub.class)
class PriorityScorerTest {

    @Inject
    PriorityScorer scorer;

    private static Classification labels(Intent intent, Sentiment sentiment, double score) {
        return new Classification("zh", intent, 0.9, "BILLING", 0.8, sentiment, score, false);
    }

    private static Map<String, Integer> reasons(Priority p) {
        return p.reasons().stream().collect(Collectors.toMap(Priority.Reason::code, Priority.Reason::contribution));
    }

    @Test
    void urgentBugOfAHighValueCustomerOnAPublicChannelIsP1WithEveryReason() {
        Customer gold = new Customer("c-1", null, null, "zh-CN", "gold", "active", null);
        Priority p = scorer.score(new PriorityScorer.Input("更新后重复扣款，无法登录", Channel.SOCIAL,
                labels(Intent.BUG, Sentiment.NEGATIVE, -0.9), gold, null, null, true, 3));
        Map<String, Integer> r = reasons(p);
        assertEquals(10, r.get("BASE"));
        assertEquals(30, r.get("INTENT_SEVERITY"));
        assertEquals(14, r.get("NEGATIVE_SENTIMENT"));
        assertEquals(15, r.get("CUSTOMER_VALUE"));
        assertEquals(10, r.get("PUBLIC_CHANNEL"));
        assertEquals(20, r.get("URGENT_PHRASE"));
        assertEquals(6, r.get("SIMILAR_VOLUME"));
        assertEquals(100, p.score(), "105 points are clamped to 100");
        assertEquals("P1", p.level());
        assertTrue(p.reasons().stream().anyMatch(x -> x.code().equals("URGENT_PHRASE") && x.detail().equals("无法登录")));
    }

    @Test
    void praiseOfADormantCustomerIsP4AndDetractorsCount() {
        Customer dormant = new Customer("c-2", null, null, null, null, "dormant", null);
        Priority praise = scorer.score(new PriorityScorer.Input("Love it", Channel.IN_APP,
                labels(Intent.PRAISE, Sentiment.POSITIVE, 0.9), dormant, 5, null, true, 0));
        assertEquals(5, praise.score());
        assertEquals("P4", praise.level());
        assertFalse(praise.isUrgent());

        Priority detractor = scorer.score(new PriorityScorer.Input("slow app", Channel.SURVEY,
                labels(Intent.COMPLAINT, Sentiment.NEGATIVE, -0.5), null, null, new SurveyScore("s-1", "NPS", 3), true, 0));
        assertEquals(15, reasons(detractor).get("NPS_DETRACTOR"));
        assertEquals(10 + 25 + 8 + 15, detractor.score());
        assertEquals("P3", detractor.level());
        assertEquals("P2", PriorityScorer.level(60));
        assertEquals("P3", PriorityScorer.level(59));
    }
}
