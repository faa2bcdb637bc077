package dev.vocloop.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vocloop.gateway.auth.AccessPolicy;
import dev.vocloop.gateway.auth.Caller;
import dev.vocloop.gateway.auth.Role;
import dev.vocloop.gateway.routing.Backend;
import dev.vocloop.gateway.routing.GatewayRoutes;
import dev.vocloop.gateway.routing.Route;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one document of the public API: only the paths
 * the gateway forwards to the service that documents them (so never {@code /internal}), components
 * renamed where two services use one name for different things, the bearer security scheme, and
 * for every operation the roles that may call it (from {@link AccessPolicy}).
 */
@ApplicationScoped
public class OpenApiMerger {

    /** A service's document, tagged with the service that served it. */
    public record Source(Backend backend, ObjectNode document) {
    }

    static final String SCHEME = "bearer";
    private static final String REF_PREFIX = "#/components/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final GatewayRoutes routes;
    private final AccessPolicy policy;
    private final ObjectMapper json;

    public OpenApiMerger(GatewayRoutes routes, AccessPolicy policy, ObjectMapper json) {
        this.routes = routes;
        this.policy = policy;
        this.json = json;
    }

    public ObjectNode merge(List<Source> sources, List<String> unavailable) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "VoC Loop API");
        info.put("version", "1");
        info.put("description", "The public API of VoC Loop, through the gateway. Send an API key as "
                + "`Authorization: Bearer <key>`; `x-vocloop-roles` on each operation names the roles that may call it.");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = json.createArrayNode();
        Set<String> tagNames = new HashSet<>();

        // Components first: names clash across services (e.g. "Customer"), so clashing ones get a prefix.
        for (Source source : sources) {
            Map<String, String> renames = mergeComponents(source, components);
            ObjectNode document = renames.isEmpty() ? source.document() : (ObjectNode) rewriteRefs(source.document().deepCopy(), renames);
            copyPaths(source.backend(), document, paths);
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        ObjectNode scheme = components.with("securitySchemes").putObject(SCHEME);
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("description", "An API key created with POST /api/v1/api-keys, or the bootstrap admin key.");
        merged.putArray("security").addObject().putArray(SCHEME);
        if (!unavailable.isEmpty()) {
            ArrayNode missing = merged.putArray("x-vocloop-unavailable");
            unavailable.forEach(missing::add);
        }
        return merged;
    }

    private Map<String, String> mergeComponents(Source source, ObjectNode target) {
        Map<String, String> renames = new HashMap<>();
        JsonNode sections = source.document().path("components");
        for (Iterator<Map.Entry<String, JsonNode>> it = sections.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> section = it.next();
            if (section.getKey().equals("securitySchemes") || !section.getValue().isObject()) {
                continue;
            }
            ObjectNode into = target.with(section.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> items = section.getValue().fields(); items.hasNext();) {
                Map.Entry<String, JsonNode> item = items.next();
                String name = item.getKey();
                JsonNode existing = into.get(name);
                if (existing != null && !existing.equals(item.getValue())) {
                    String renamed = prefix(source.backend()) + name;
                    renames.put(REF_PREFIX + section.getKey() + "/" + name, REF_PREFIX + section.getKey() + "/" + renamed);
                }
            }
        }
        // Copy after renaming, so that the copied components refer to each other by their new names too.
        JsonNode rewritten = renames.isEmpty() ? sections : rewriteRefs(sections.deepCopy(), renames);
        for (Iterator<Map.Entry<String, JsonNode>> it = rewritten.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> section = it.next();
            if (section.getKey().equals("securitySchemes") || !section.getValue().isObject()) {
                continue;
            }
            ObjectNode into = target.with(section.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> items = section.getValue().fields(); items.hasNext();) {
                Map.Entry<String, JsonNode> item = items.next();
                String ref = REF_PREFIX + section.getKey() + "/" + item.getKey();
                String name = renames.containsKey(ref) ? renames.get(ref).substring(renames.get(ref).lastIndexOf('/') + 1) : item.getKey();
                into.set(name, item.getValue());
            }
        }
        return renames;
    }

    private void copyPaths(Backend backend, ObjectNode document, ObjectNode paths) {
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey();
            // A concrete path to ask the route table and the access policy about.
            String sample = path.replaceAll("\\{[^}/]+}", "x");
            Route route = routes.resolve(sample).orElse(null);
            if (route == null || route.backend() != backend || !entry.getValue().isObject()) {
                continue;
            }
            ObjectNode item = entry.getValue().deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey()) && op.getValue().isObject()) {
                    describeAccess((ObjectNode) op.getValue(), HttpMethod.valueOf(op.getKey().toUpperCase(Locale.ROOT)), sample);
                }
            }
            paths.set(path, item);
        }
    }

    private void describeAccess(ObjectNode operation, HttpMethod method, String sample) {
        ArrayNode roles = operation.putArray("x-vocloop-roles");
        List<String> names = new ArrayList<>();
        for (Role role : Role.values()) {
            if (policy.allows(new Caller("doc", role, List.of()), method, sample)) {
                roles.add(role.name());
                names.add(role.name());
            }
        }
        ArrayNode security = operation.putArray("security");
        String access;
        if (policy.isPublic(method, sample)) {
            // Token routes: a key is optional, the token in the path or body is the credential.
            security.addObject();
            security.addObject().putArray(SCHEME);
            access = "Public: the token is the credential; no API key needed.";
        } else {
            security.addObject().putArray(SCHEME);
            access = "Roles: " + String.join(", ", names) + ".";
        }
        String description = operation.path("description").asText("");
        operation.put("description", description.isEmpty() ? access : description + "\n\n" + access);
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual() && renames.containsKey(field.getValue().asText())) {
                    field.setValue(TextNode.valueOf(renames.get(field.getValue().asText())));
                } else {
                    rewriteRefs(field.getValue(), renames);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
        return node;
    }

    private static String prefix(Backend backend) {
        String name = backend.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
