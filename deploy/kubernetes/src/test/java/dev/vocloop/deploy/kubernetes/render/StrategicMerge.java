package dev.vocloop.deploy.kubernetes.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Strategic merge patch as Kubernetes defines it, for the fields these manifests patch: maps merge
 * key by key, {@code null} deletes a key, lists of named things merge by their merge key
 * (containers by name, ports by containerPort or port, volume mounts by mountPath, ...), every
 * other list is replaced. Patch directives ({@code $patch}, {@code $retainKeys}) are refused.
 */
public final class StrategicMerge {

    /** List fields whose items merge by a key, as the Kubernetes API declares (patchMergeKey). */
    private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
            Map.entry("containers", "name"),
            Map.entry("initContainers", "name"),
            Map.entry("ephemeralContainers", "name"),
            Map.entry("volumes", "name"),
            Map.entry("env", "name"),
            Map.entry("volumeMounts", "mountPath"),
            Map.entry("imagePullSecrets", "name"),
            Map.entry("topologySpreadConstraints", "topologyKey"),
            Map.entry("hostAliases", "ip"));

    private StrategicMerge() {
    }

    /** Merges {@code patch} into {@code target} in place. */
    public static void apply(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("$")) {
                throw new KustomizeException("patch directive " + key + " is outside the supported subset");
            }
            JsonNode current = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && current != null && current.isObject()) {
                apply((ObjectNode) current, (ObjectNode) value);
            } else if (value.isArray() && current != null && current.isArray() && mergeKey(key, value) != null) {
                mergeList((ArrayNode) current, (ArrayNode) value, mergeKey(key, value));
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String field, JsonNode patchItems) {
        if (field.equals("ports")) {
            // Container ports merge by containerPort, Service ports by port.
            JsonNode first = patchItems.path(0);
            return first.has("containerPort") ? "containerPort" : first.has("port") ? "port" : null;
        }
        return MERGE_KEYS.get(field);
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            if (!item.isObject() || !item.has(key)) {
                throw new KustomizeException("patch list item without merge key " + key + ": " + item);
            }
            ObjectNode match = null;
            for (JsonNode existing : current) {
                if (existing.path(key).equals(item.get(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                current.add(item.deepCopy());
            } else {
                apply(match, (ObjectNode) item);
            }
        }
    }
}
