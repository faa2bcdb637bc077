package dev.vocloop.feedback.priority;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An explainable priority: the score is the sum of the reasons' contributions, clamped to 0-100.
 *
 * @param level P1 (score at least 80), P2 (60), P3 (35) or P4
 */
@Schema(description = "Explainable priority", example = """
        {"score":72,"level":"P2","reasons":[{"code":"INTENT_SEVERITY","contribution":30,"detail":"intent BUG"},{"code":"URGENT_PHRASE","contribution":15,"detail":"闪退"}]}""")
public record Priority(int score, String level, List<Reason> reasons) {

    /** One cause of the score and how many points it added. */
    public record Reason(String code, int contribution, String detail) {
    }

    /** P1 and P2 always reach a team, whatever the intent. */
    public boolean isUrgent() {
        return "P1".equals(level) || "P2".equals(level);
    }
}
