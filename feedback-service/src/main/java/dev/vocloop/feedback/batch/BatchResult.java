package dev.vocloop.feedback.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer to a batch: one result per item, in input order. */
public record BatchResult(List<Item> items) {

    /** CREATED, DUPLICATE (same channel + externalId was stored) or REJECTED with the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String status, String id, String reason) {

        static Item created(String id) {
            return new Item("CREATED", id, null);
        }

        static Item duplicate(String id) {
            return new Item("DUPLICATE", id, null);
        }

        static Item rejected(String reason) {
            return new Item("REJECTED", null, reason);
        }
    }
}
