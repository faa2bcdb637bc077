package dev.vocloop.survey.analytics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The statistics of survey scores, pure and stateless: NPS with the adjusted-Wald interval
 * (Rocks 2016, DESIGN.md), CSAT as the share of 4-5 with the Wilson score interval, CES as the mean
 * with a Student-t interval, and the test whether two values differ significantly. Inputs are the
 * counts and sums that PostgreSQL aggregates; no answer is ever loaded.
 */
public final class ScoreStatistics {

    /** Two-sided 95% normal quantile, as DESIGN.md prescribes. */
    public static final double Z = 1.96;

    private ScoreStatistics() {
    }

    /**
     * An NPS value. {@code nps} is the rounded integer in [-100, 100]; {@code exact} the unrounded
     * value used for comparisons; {@code standardError} in NPS points. Null fields when n = 0.
     */
    public record Nps(long n, long promoters, long passives, long detractors, Integer nps, Double exact, Double ciLow,
                      Double ciHigh, Double standardError, boolean significant) {
    }

    /** A CSAT value: share of satisfied answers (4-5) in percent, Wilson 95% interval. */
    public record Csat(long n, long satisfied, Double csat, Double ciLow, Double ciHigh, Double standardError, boolean significant) {
    }

    /** A CES value: mean effort on 1-7 with a Student-t 95% interval. */
    public record Ces(long n, Double mean, Double stdDev, Double ciLow, Double ciHigh, Double standardError, boolean significant) {
    }

    /** Whether the change between two values is significant, with the difference and the threshold it had to exceed. */
    public record Change(Double delta, Double threshold, boolean significant) {
    }

    public static Nps nps(long promoters, long passives, long detractors, int minN) {
        long n = promoters + passives + detractors;
        if (n == 0) {
            return new Nps(0, 0, 0, 0, null, null, null, null, null, false);
        }
        double exact = 100.0 * (promoters - detractors) / n;
        double nAdj = n + 3.0;
        double p = (promoters + 0.75) / nAdj;
        double d = (detractors + 0.75) / nAdj;
        double se = Math.sqrt((p + d - (p - d) * (p - d)) / nAdj);
        double low = clamp(100 * ((p - d) - Z * se), -100, 100);
        double high = clamp(100 * ((p - d) + Z * se), -100, 100);
        return new Nps(n, promoters, passives, detractors, (int) Math.round(exact), round4(exact), round(low), round(high),
                round4(100 * se), n >= minN);
    }

    public static Csat csat(long n, long satisfied, int minN) {
        if (n == 0) {
            return new Csat(0, 0, null, null, null, null, false);
        }
        double share = (double) satisfied / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (share + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n)) / denominator;
        return new Csat(n, satisfied, round(100 * share), round(100 * Math.max(0, centre - half)),
                round(100 * Math.min(1, centre + half)), round4(100 * Math.sqrt(share * (1 - share) / n)), n >= minN);
    }

    /** From the count, the sum and the sum of squares of the scores. */
    public static Ces ces(long n, double sum, double sumOfSquares, int minN) {
        if (n == 0) {
            return new Ces(0, null, null, null, null, null, false);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Ces(1, round(mean), null, null, null, null, false);
        }
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        double sd = Math.sqrt(variance);
        double se = sd / Math.sqrt(n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Ces(n, round(mean), round(sd), round(mean - t * se), round(mean + t * se), round4(se), n >= minN);
    }

    /** DESIGN.md: significant only when |NPS₁ − NPS₂| > 1.96·sqrt(SE₁² + SE₂²), and both have the minimum n. */
    public static Change change(Nps previous, Nps current) {
        if (previous.n() == 0 || current.n() == 0) {
            return new Change(null, null, false);
        }
        return change(current.exact() - previous.exact(), previous.standardError(), current.standardError(),
                previous.significant() && current.significant());
    }

    /** Two proportions: |p₁ − p₂| > 1.96·sqrt(p₁q₁/n₁ + p₂q₂/n₂). */
    public static Change change(Csat previous, Csat current) {
        if (previous.n() == 0 || current.n() == 0) {
            return new Change(null, null, false);
        }
        return change(current.csat() - previous.csat(), previous.standardError(), current.standardError(),
                previous.significant() && current.significant());
    }

    /** Two means (Welch, normal approximation): |m₁ − m₂| > 1.96·sqrt(s₁²/n₁ + s₂²/n₂). */
    public static Change change(Ces previous, Ces current) {
        if (previous.standardError() == null || current.standardError() == null) {
            return new Change(null, null, false);
        }
        return change(current.mean() - previous.mean(), previous.standardError(), current.standardError(),
                previous.significant() && current.significant());
    }

    private static Change change(double delta, double se1, double se2, boolean bothLargeEnough) {
        double threshold = Z * Math.sqrt(se1 * se1 + se2 * se2);
        return new Change(round(delta), round(threshold), bothLargeEnough && Math.abs(delta) > threshold);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** Four decimals for values that feed further computation (standard errors, the unrounded NPS). */
    static double round4(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }

    /** Two decimals: enough for reports, and stable in JSON. */
    static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
