package dev.vocloop.feedback.classification;

import dev.vocloop.commons.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The classifier as a product: import labelled examples, retrain, classify without storing, inspect. */
@Path("/api/v1/classifier")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classifier")
@RolesAllowed(Roles.ADMIN)
public class ClassifierResource {

    /** Up to 1,000 labelled examples. */
    public record ExamplesRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull LabelledExample> items) {
    }

    /** How many examples were imported and how many are held now. */
    public record ExamplesAnswer(int imported, long examples) {
    }

    /** One text to classify. */
    public record PredictItem(@NotBlank @Size(max = 10_000) String text) {
    }

    /** Up to 1,000 texts. */
    public record PredictRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull PredictItem> items) {
    }

    /** Labels in input order. */
    public record PredictAnswer(String version, List<Classification> items) {
    }

    private final ClassifierService service;
    private final Classifier classifier;

    public ClassifierResource(ClassifierService service, Classifier classifier) {
        this.service = service;
        this.classifier = classifier;
    }

    @POST
    @Path("/examples")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import labelled examples (every label optional; the same text again replaces its labels)")
    public ExamplesAnswer importExamples(@Valid @NotNull ExamplesRequest request) {
        int n = service.addExamples(request.items(), "API");
        return new ExamplesAnswer(n, service.exampleCount());
    }

    @POST
    @Path("/train")
    @Operation(summary = "Retrain now; answers once the new model is in use, with its quality on held-back examples")
    public ClassifierService.TrainingResult trainClassifier() {
        return service.train();
    }

    @POST
    @Path("/predict")
    @RolesAllowed({Roles.ADMIN, Roles.PRODUCT})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify texts without storing them")
    public PredictAnswer predictLabels(@Valid @NotNull PredictRequest request) {
        String version = classifier.version();
        return new PredictAnswer(version, request.items().stream().map(i -> classifier.classify(i.text())).toList());
    }

    @GET
    @Operation(summary = "Model version, examples held with counts per label, last measured quality")
    public Map<String, Object> describeClassifier() {
        return service.describe();
    }
}
