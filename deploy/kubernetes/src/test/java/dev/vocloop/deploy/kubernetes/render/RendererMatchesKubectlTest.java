package dev.vocloop.deploy.kubernetes.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vocloop.deploy.kubernetes.Manifests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance of {@link Kustomize} with the real kustomize: where a kubectl whose embedded
 * kustomize knows components (v4 or later) is installed, every variant must render to the same
 * objects, field for field. Without one the check is skipped, saying so; the CI gate is the Java
 * renderer, which refuses anything outside the subset compared here.
 */
class RendererMatchesKubectlTest {

    static List<String> variants() {
        return Manifests.VARIANTS;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void rendersExactlyWhatKubectlKustomizeRenders(String variant) throws Exception {
        Path dir = Manifests.variantDir(variant);
        String kubectl = kubectlWithComponents();
        Assumptions.assumeTrue(kubectl != null, "no kubectl with kustomize >= v4 on PATH: conformance with the real"
                + " kustomize not checked here (the Java renderer still ran in the other tests)");
        Path out = Files.createTempFile("kustomize", ".yaml");
        Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "kubectl kustomize " + variant + " failed: " + err);
        Map<String, ObjectNode> theirs = Kustomize.byId(Kustomize.readDocuments(out));
        Map<String, ObjectNode> ours = Kustomize.byId(Kustomize.build(dir));
        assertEquals(new TreeSet<>(theirs.keySet()), new TreeSet<>(ours.keySet()), variant + ": objects");
        for (var e : theirs.entrySet()) {
            assertEquals(e.getValue(), ours.get(e.getKey()), variant + ": " + e.getKey());
        }
    }

    private static String kubectlWithComponents() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            Matcher m = Pattern.compile("Kustomize Version: v(\\d+)").matcher(out);
            return m.find() && Integer.parseInt(m.group(1)) >= 4 ? "kubectl" : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
