package dev.vocloop.deploy.kubernetes.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;

/**
 * Parses manifests into the fabric8 Kubernetes model, strictly: an unknown field anywhere, a value
 * of the wrong type or a kind/apiVersion the model does not know is an error.
 *
 * <p>fabric8's classes collect unknown fields in an {@code additionalProperties} map through
 * {@code @JsonAnySetter}, which would hide a misspelt field. This mapper ignores that annotation,
 * so Jackson's FAIL_ON_UNKNOWN_PROPERTIES applies to every object of the model.
 */
public final class StrictKubernetesModel {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private StrictKubernetesModel() {
    }

    /** The typed model object for one manifest, or an {@link IllegalArgumentException} saying what is wrong. */
    public static HasMetadata parse(JsonNode manifest) {
        String what = manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText() + " "
                + manifest.path("metadata").path("name").asText();
        KubernetesResource resource;
        try {
            resource = MAPPER.treeToValue(manifest, KubernetesResource.class);
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).contains(GenericKubernetesResource.class.getSimpleName())) {
                // fabric8 falls back to the generic class for kinds it has no model class for.
                throw new IllegalArgumentException(what + ": kind and apiVersion unknown to the Kubernetes model", e);
            }
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        if (resource == null || resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata)) {
            throw new IllegalArgumentException(what + ": kind and apiVersion unknown to the Kubernetes model");
        }
        return (HasMetadata) resource;
    }
}
