package dev.vocloop.deploy.kubernetes.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize these
 * manifests use: resources (files and directories), components, strategic-merge patches by path,
 * images, replicas, namespace, configMapGenerator and secretGenerator (literals, envs, files;
 * behavior create/merge/replace) with {@code disableNameSuffixHash}.
 *
 * <p>Why a renderer of our own: CI has no cluster and no kustomize it can install (Debian's
 * kubectl 1.20 embeds kustomize 2.0, which has no components; Maven Central has no kustomize).
 * Anything outside the subset is refused with an error rather than ignored, so a manifest
 * change that needs more kustomize cannot pass silently; {@code RendererMatchesKubectlTest}
 * compares the output with the real kustomize wherever a kubectl is installed.
 */
public final class Kustomize {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "components", "patches", "images", "replicas", "configMapGenerator", "secretGenerator", "generatorOptions");
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "behavior", "literals", "envs", "files", "type");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass", "CustomResourceDefinition");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet");

    private Kustomize() {
    }

    /** Renders the kustomization in {@code dir}, as {@code kubectl kustomize dir} would. */
    public static List<ObjectNode> build(Path dir) {
        List<ObjectNode> resources = new ArrayList<>();
        accumulate(dir, resources, "Kustomization");
        return resources;
    }

    /** Reads every YAML document of a file as objects; empty documents are skipped. */
    public static List<ObjectNode> readDocuments(Path file) {
        List<ObjectNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new KustomizeException(file + ": a document is not a mapping");
                }
                docs.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return docs;
    }

    private static void accumulate(Path dir, List<ObjectNode> resources, String expectedKind) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new KustomizeException(dir + ": no kustomization.yaml");
        }
        List<ObjectNode> docs = readDocuments(file);
        if (docs.size() != 1) {
            throw new KustomizeException(file + ": expected one document");
        }
        ObjectNode k = docs.get(0);
        k.fieldNames().forEachRemaining(f -> {
            if (!KUSTOMIZATION_FIELDS.contains(f)) {
                throw new KustomizeException(file + ": field '" + f + "' is outside the supported kustomize subset");
            }
        });
        String kind = k.path("kind").asText("Kustomization");
        if (!kind.equals(expectedKind)) {
            throw new KustomizeException(file + ": is a " + kind + " where a " + expectedKind + " is expected");
        }
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                for (ObjectNode o : build(p)) {
                    add(resources, o, p.toString());
                }
            } else if (Files.isRegularFile(p)) {
                for (ObjectNode o : readDocuments(p)) {
                    add(resources, o, p.toString());
                }
            } else {
                throw new KustomizeException(file + ": resource " + r.asText() + " does not exist");
            }
        }
        for (JsonNode c : k.path("components")) {
            Path p = dir.resolve(c.asText()).normalize();
            accumulate(p, resources, "Component");
        }
        boolean hashSuffix = !k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        if (hashSuffix && (k.has("configMapGenerator") || k.has("secretGenerator"))) {
            // Name hashes would need kustomize's exact hash and reference rewriting; stable names are simpler.
            throw new KustomizeException(file + ": generators need generatorOptions.disableNameSuffixHash: true");
        }
        for (JsonNode g : k.path("configMapGenerator")) {
            generate(dir, file, g, "ConfigMap", resources);
        }
        for (JsonNode g : k.path("secretGenerator")) {
            generate(dir, file, g, "Secret", resources);
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, file, patch, resources);
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode o : resources) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    ((ObjectNode) o.with("metadata")).put("namespace", ns);
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode o : resources) {
                rewriteImages(o, image);
            }
        }
        for (JsonNode replica : k.path("replicas")) {
            boolean found = false;
            for (ObjectNode o : resources) {
                if (WORKLOADS.contains(o.path("kind").asText()) && name(o).equals(replica.path("name").asText())) {
                    ((ObjectNode) o.with("spec")).put("replicas", replica.path("count").asInt());
                    found = true;
                }
            }
            if (!found) {
                throw new KustomizeException(file + ": replicas for unknown workload " + replica.path("name").asText());
            }
        }
    }

    private static void add(List<ObjectNode> resources, ObjectNode o, String origin) {
        for (ObjectNode existing : resources) {
            if (sameId(existing, o)) {
                throw new KustomizeException(origin + ": " + id(o) + " is defined twice");
            }
        }
        resources.add(o);
    }

    private static void generate(Path dir, Path file, JsonNode g, String kind, List<ObjectNode> resources) {
        g.fieldNames().forEachRemaining(f -> {
            if (!GENERATOR_FIELDS.contains(f)) {
                throw new KustomizeException(file + ": generator field '" + f + "' is not supported");
            }
        });
        String name = g.path("name").asText();
        Map<String, String> data = new TreeMap<>();
        for (JsonNode literal : g.path("literals")) {
            putPair(data, literal.asText(), file);
        }
        for (JsonNode env : g.path("envs")) {
            Path envFile = dir.resolve(env.asText());
            if (!Files.isRegularFile(envFile)) {
                throw new KustomizeException(file + ": env file " + env.asText() + " of " + kind + " " + name
                        + " does not exist (copy " + env.asText() + ".example to it and fill it in)");
            }
            for (String line : readLines(envFile)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                putPair(data, line.stripLeading(), envFile);
            }
        }
        for (JsonNode f : g.path("files")) {
            String spec = f.asText();
            int eq = spec.indexOf('=');
            String key = eq < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, eq);
            Path source = dir.resolve(eq < 0 ? spec : spec.substring(eq + 1));
            try {
                data.put(key, Files.readString(source, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new KustomizeException(file + ": cannot read " + source + ": " + e.getMessage());
            }
        }
        String behavior = g.path("behavior").asText("create");
        ObjectNode existing = resources.stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(name(o)))
                .findFirst().orElse(null);
        switch (behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new KustomizeException(file + ": " + kind + " " + name + " exists; use behavior merge");
                }
                resources.add(newGenerated(kind, name, g.path("type").asText("Opaque"), data));
            }
            case "merge", "replace" -> {
                if (existing == null) {
                    throw new KustomizeException(file + ": no " + kind + " " + name + " to " + behavior);
                }
                Map<String, String> merged = new TreeMap<>();
                if (behavior.equals("merge")) {
                    existing.path("data").fields().forEachRemaining(e -> merged.put(e.getKey(),
                            kind.equals("Secret") ? decode(e.getValue().asText()) : e.getValue().asText()));
                }
                merged.putAll(data);
                existing.set("data", dataNode(kind, merged));
            }
            default -> throw new KustomizeException(file + ": unknown generator behavior " + behavior);
        }
    }

    private static ObjectNode newGenerated(String kind, String name, String type, Map<String, String> data) {
        ObjectNode o = NODES.objectNode();
        o.put("apiVersion", "v1");
        o.put("kind", kind);
        o.putObject("metadata").put("name", name);
        if (kind.equals("Secret")) {
            o.put("type", type);
        }
        o.set("data", dataNode(kind, data));
        return o;
    }

    private static ObjectNode dataNode(String kind, Map<String, String> data) {
        ObjectNode node = NODES.objectNode();
        data.forEach((k, v) -> node.put(k, kind.equals("Secret")
                ? Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)) : v));
        return node;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static void putPair(Map<String, String> data, String pair, Path origin) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new KustomizeException(origin + ": '" + pair.split("=", 2)[0] + "' is not KEY=VALUE");
        }
        data.put(pair.substring(0, eq), pair.substring(eq + 1));
    }

    private static List<String> readLines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void applyPatch(Path dir, Path file, JsonNode entry, List<ObjectNode> resources) {
        if (!entry.has("path") || entry.size() != 1) {
            throw new KustomizeException(file + ": only patches given by 'path' alone are supported");
        }
        for (ObjectNode patch : readDocuments(dir.resolve(entry.path("path").asText()))) {
            List<ObjectNode> targets = resources.stream().filter(o -> matches(o, patch)).toList();
            if (targets.size() != 1) {
                throw new KustomizeException(file + ": patch " + id(patch) + " matches " + targets.size() + " resources");
            }
            StrategicMerge.apply(targets.get(0), patch);
        }
    }

    private static boolean matches(ObjectNode resource, ObjectNode patch) {
        String ns = patch.path("metadata").path("namespace").asText("");
        return resource.path("kind").asText().equals(patch.path("kind").asText())
                && group(resource).equals(group(patch))
                && name(resource).equals(name(patch))
                && (ns.isEmpty() || ns.equals(resource.path("metadata").path("namespace").asText()));
    }

    private static void rewriteImages(JsonNode node, JsonNode rule) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : o.path(list)) {
                    if (c.isObject() && c.has("image")) {
                        ((ObjectNode) c).put("image", rewriteImage(c.get("image").asText(), rule));
                    }
                }
            }
            o.elements().forEachRemaining(child -> rewriteImages(child, rule));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteImages(child, rule));
        }
    }

    static String rewriteImage(String image, JsonNode rule) {
        String name = image;
        String suffix = "";
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        if (at >= 0) {
            name = image.substring(0, at);
            suffix = image.substring(at);
        } else if (colon > image.lastIndexOf('/')) {
            name = image.substring(0, colon);
            suffix = image.substring(colon);
        }
        if (!name.equals(rule.path("name").asText())) {
            return image;
        }
        String newName = rule.path("newName").asText(name);
        if (rule.hasNonNull("digest")) {
            suffix = "@" + rule.get("digest").asText();
        } else if (rule.hasNonNull("newTag")) {
            suffix = ":" + rule.get("newTag").asText();
        }
        return newName + suffix;
    }

    /** kind/namespace/name with the API group: the identity kustomize keeps objects apart by. */
    public static String id(JsonNode o) {
        String ns = o.path("metadata").path("namespace").asText("");
        return (group(o).isEmpty() ? "" : group(o) + "/") + o.path("kind").asText() + "/"
                + (ns.isEmpty() ? "" : ns + "/") + name(o);
    }

    private static boolean sameId(JsonNode a, JsonNode b) {
        return id(a).equals(id(b));
    }

    private static String group(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** Objects by {@link #id}, in render order. */
    public static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        Map<String, ObjectNode> map = new LinkedHashMap<>();
        objects.forEach(o -> map.put(id(o), o));
        return map;
    }
}
