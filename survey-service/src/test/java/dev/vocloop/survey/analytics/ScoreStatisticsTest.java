package dev.vocloop.survey.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checked against values computed by hand (the working is in each comment). */
class ScoreStatisticsTest {

    @Test
    void npsWithAdjustedWaldInterval() {
        // P=50, passives=30, D=20, n=100: NPS = 100·(50−20)/100 = 30.
        // n' = 103, p' = 50.75/103 = 0.492718, d' = 20.75/103 = 0.201456, p'−d' = 0.291262
        // SE = sqrt((0.694175 − 0.291262²)/103) = sqrt(0.609341/103) = 0.076915
        // interval = 100·(0.291262 ± 1.96·0.076915) = [14.05, 44.20]
        ScoreStatistics.Nps nps = ScoreStatistics.nps(50, 30, 20, 30);
        assertEquals(100, nps.n());
        assertEquals(30, nps.nps());
        assertEquals(14.05, nps.ciLow());
        assertEquals(44.20, nps.ciHigh());
        assertEquals(7.6915, nps.standardError());
        assertTrue(nps.significant());
    }

    @Test
    void smallSampleIsShownButNotSignificant() {
        // P=5, passives=3, D=2: n' = 13, p' = 5.75/13, d' = 2.75/13 → [−19.05, 65.21]
        ScoreStatistics.Nps nps = ScoreStatistics.nps(5, 3, 2, 30);
        assertEquals(30, nps.nps());
        assertEquals(-19.05, nps.ciLow());
        assertEquals(65.21, nps.ciHigh());
        assertFalse(nps.significant(), "n = 10 is below the minimum of 30");
    }

    @Test
    void intervalIsClippedToTheScaleAndRoundingIsToInteger() {
        // all detractors: p' = 0.75/13, d' = 10.75/13 → lower bound −106.3 clipped to −100, upper −47.50
        ScoreStatistics.Nps all = ScoreStatistics.nps(0, 0, 10, 30);
        assertEquals(-100, all.nps());
        assertEquals(-100.0, all.ciLow());
        assertEquals(-47.50, all.ciHigh());
        // 2 promoters, 1 passive, 0 detractors: 66.67 rounds to 67
        assertEquals(67, ScoreStatistics.nps(2, 1, 0, 30).nps());
        ScoreStatistics.Nps none = ScoreStatistics.nps(0, 0, 0, 30);
        assertNull(none.nps());
        assertFalse(none.significant());
    }

    @Test
    void changeIsSignificantOnlyBeyondTheCombinedStandardError() {
        ScoreStatistics.Nps a = ScoreStatistics.nps(50, 30, 20, 30); // 30, SE 7.6915
        ScoreStatistics.Nps b = ScoreStatistics.nps(120, 50, 30, 30); // 45, SE 5.2040
        // 15 < 1.96·sqrt(7.6915² + 5.2040²) = 18.20 → not significant
        ScoreStatistics.Change small = ScoreStatistics.change(a, b);
        assertEquals(15.0, small.delta());
        assertEquals(18.20, small.threshold());
        assertFalse(small.significant());
        // 30 → −30: 60 > 1.96·sqrt(2·7.6915²) = 21.32 → significant
        ScoreStatistics.Change large = ScoreStatistics.change(a, ScoreStatistics.nps(20, 30, 50, 30));
        assertEquals(-60.0, large.delta());
        assertEquals(21.32, large.threshold());
        assertTrue(large.significant());
        // the same large change is not called significant when one side is below the minimum n
        assertFalse(ScoreStatistics.change(ScoreStatistics.nps(5, 3, 2, 30), ScoreStatistics.nps(0, 0, 10, 30)).significant());
    }

    @Test
    void csatWithWilsonInterval() {
        // 40 of 50 satisfied: p = 0.8; z² = 3.8416; centre = (0.8 + 0.038416)/1.076832 = 0.778594
        // half = 1.96·sqrt(0.0032 + 0.00038416)/1.076832 = 0.108969 → [66.96, 88.76]
        ScoreStatistics.Csat csat = ScoreStatistics.csat(50, 40, 30);
        assertEquals(80.0, csat.csat());
        assertEquals(66.96, csat.ciLow());
        assertEquals(88.76, csat.ciHigh());
        assertTrue(csat.significant());
    }

    @Test
    void cesMeanWithStudentTInterval() {
        // scores 2,3,3,4,5: n = 5, sum 17, sum of squares 63, mean 3.4, s = sqrt((63 − 5·3.4²)/4) = 1.140175
        // t(0.975, 4) = 2.776445; half = 2.776445·1.140175/sqrt(5) = 1.415715 → [1.98, 4.82]
        ScoreStatistics.Ces ces = ScoreStatistics.ces(5, 17, 63, 30);
        assertEquals(3.4, ces.mean());
        assertEquals(1.14, ces.stdDev());
        assertEquals(1.98, ces.ciLow());
        assertEquals(4.82, ces.ciHigh());
        assertFalse(ces.significant());
        assertNull(ScoreStatistics.ces(1, 4, 16, 30).ciLow(), "one answer has no interval");
    }
}
