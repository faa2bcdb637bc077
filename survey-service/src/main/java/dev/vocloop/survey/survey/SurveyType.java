package dev.vocloop.survey.survey;

/** The kinds of survey and the scale of each. */
public enum SurveyType {
    /** Net Promoter Score: "How likely are you to recommend us?" 0-10. */
    NPS(0, 10),
    /** Customer satisfaction, 1-5; satisfied = 4 or 5. */
    CSAT(1, 5),
    /** Customer effort, 1-7; 7 = very hard. */
    CES(1, 7);

    private final int min;
    private final int max;

    SurveyType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }

    /**
     * Whether an answer is a signal worth acting on by itself (forwarded to feedback-service as
     * feedback even without a comment): NPS detractors 0-6, CSAT 1-2, CES 5-7 (hard).
     */
    public boolean unhappy(int score) {
        return switch (this) {
            case NPS -> score <= 6;
            case CSAT -> score <= 2;
            case CES -> score >= 5;
        };
    }
}
