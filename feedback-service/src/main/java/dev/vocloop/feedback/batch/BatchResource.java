package dev.vocloop.feedback.batch;

import dev.vocloop.commons.auth.Roles;
import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.items.Channel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk import (app reviews, exports of other tools): up to 10,000 items, a result per item. */
@Path("/api/v1/feedback/batch")
@Tag(name = "Feedback")
@RolesAllowed(Roles.ADMIN)
public class BatchResource {

    private final BatchImportService service;

    public BatchResource(BatchImportService service) {
        this.service = service;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/x-ndjson", "application/ndjson", "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import many items", description = "Body: a JSON array, NDJSON (one item a line) or CSV with a header row "
            + "(externalId, channel, store, rating, title, text, appVersion, customerId, ...). Answers one result per item in input "
            + "order: CREATED, DUPLICATE or REJECTED with a reason.")
    public BatchResult importFeedbackBatch(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                   @Parameter(description = "Channel of items that carry none") @QueryParam("channel") String channel)
            throws IOException {
        Channel defaultChannel = null;
        if (channel != null && !channel.isBlank()) {
            defaultChannel = Arrays.stream(Channel.values()).filter(c -> c.name().equals(channel.strip())).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("channel", "must be one of " + Arrays.toString(Channel.values())));
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return service.importCsv(body, defaultChannel);
        }
        if (type.contains("ndjson")) {
            return service.importNdjson(body, defaultChannel);
        }
        return service.importJsonArray(body, defaultChannel);
    }
}
