package dev.vocloop.deploy.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vocloop.deploy.kubernetes.model.StrictKubernetesModel;
import dev.vocloop.deploy.kubernetes.render.Kustomize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The manifests as CI sees them: a copy of deploy/kubernetes in which every secret env file is its
 * committed {@code .env.example} template (so nothing a developer keeps locally is read), rendered
 * per variant and parsed strictly.
 */
public final class Manifests {

    /** Each overlay alone and with the optional service-monitor component: every combination shipped. */
    public static final List<String> VARIANTS = List.of("dev", "production", "dev+service-monitor",
            "production+service-monitor");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();
    private static Path workTree;

    private Manifests() {
    }

    /** deploy/kubernetes in the checkout. */
    public static Path sourceDir() {
        return Path.of(System.getProperty("vocloop.manifests.dir", ".")).toAbsolutePath().normalize();
    }

    /** The repository root, where the service modules live. */
    public static Path repoRoot() {
        return Path.of(System.getProperty("vocloop.repo.root", "../..")).toAbsolutePath().normalize();
    }

    /** A rendered variant: the raw objects and their strictly parsed model. */
    public record Rendered(String variant, List<ObjectNode> raw, List<HasMetadata> objects) {

        public <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public <T extends HasMetadata> T one(Class<T> type, String name) {
            return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(variant + ": no " + type.getSimpleName() + " " + name));
        }

        public boolean production() {
            return variant.startsWith("production");
        }
    }

    /** Renders and parses a variant ("dev", "production", optionally "+service-monitor"). */
    public static Rendered render(String variant) {
        return CACHE.computeIfAbsent(variant, v -> {
            List<ObjectNode> raw = Kustomize.build(variantDir(v));
            List<HasMetadata> parsed = new ArrayList<>();
            for (ObjectNode o : raw) {
                parsed.add(StrictKubernetesModel.parse(o));
            }
            return new Rendered(v, raw, parsed);
        });
    }

    /** The kustomization directory of a variant inside the work tree, written for combinations. */
    public static synchronized Path variantDir(String variant) {
        Path tree = workTree();
        String[] parts = variant.split("\\+");
        Path overlay = tree.resolve("overlays").resolve(parts[0]);
        if (parts.length == 1) {
            return overlay;
        }
        // As the README says to do it: the overlay with the component added to its components list,
        // so that the overlay's namespace applies to what the component brings.
        Path combo = tree.resolve("overlays").resolve(variant);
        if (Files.isDirectory(combo)) {
            return combo;
        }
        try (Stream<Path> files = Files.walk(overlay)) {
            for (Path p : files.toList()) {
                Path dest = combo.resolve(overlay.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (!Files.exists(dest)) {
                    Files.copy(p, dest);
                }
            }
            ObjectNode k = (ObjectNode) YAML.readTree(combo.resolve("kustomization.yaml").toFile());
            ArrayNode components = k.withArray("components");
            for (int i = 1; i < parts.length; i++) {
                components.add("../../components/" + parts[i]);
            }
            YAML.writeValue(combo.resolve("kustomization.yaml").toFile(), k);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return combo;
    }

    private static synchronized Path workTree() {
        if (workTree != null) {
            return workTree;
        }
        try {
            Path target = Files.createTempDirectory("vocloop-manifests");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target)));
            Path source = sourceDir();
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Path rel = source.relativize(p);
                    if (rel.startsWith("target") || rel.startsWith("src") || p.toString().endsWith(".env")
                            || p.toString().endsWith(".pem")) {
                        continue;
                    }
                    Path dest = target.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest);
                        if (p.toString().endsWith(".env.example") || p.toString().endsWith(".pem.example")) {
                            Path env = target.resolve(rel.toString().replaceFirst("\\.example$", ""));
                            Files.copy(p, env);
                        }
                    }
                }
            }
            workTree = target;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary copy holds only templates, no secret values.
        }
    }
}
