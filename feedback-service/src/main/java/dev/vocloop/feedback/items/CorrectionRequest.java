package dev.vocloop.feedback.items;

import dev.vocloop.feedback.classification.Intent;
import dev.vocloop.feedback.classification.Sentiment;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's correction of an item's labels; the item then becomes a labelled example. */
@Schema(example = "{\"intent\":\"BUG\",\"topic\":\"BILLING\",\"sentiment\":\"NEGATIVE\"}")
public record CorrectionRequest(Intent intent, @Size(max = 50) String topic, Sentiment sentiment) {
}
