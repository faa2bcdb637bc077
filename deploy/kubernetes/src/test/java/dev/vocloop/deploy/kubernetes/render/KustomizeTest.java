package dev.vocloop.deploy.kubernetes.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer on small trees, including the shapes the shipped manifests do not exercise. */
class KustomizeTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: acme/web:1.0.0
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                    - name: sidecar
                      image: acme/sidecar:2.0.0
            """;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private ObjectNode only(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void mergesAPatchIntoTheNamedContainerAndDeletesFieldsSetToNull() throws IOException {
        write("base/kustomization.yaml", "resources: [web.yaml]\n");
        write("base/web.yaml", DEPLOYMENT);
        write("overlay/kustomization.yaml", """
                resources: [../base]
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: null
                  template:
                    spec:
                      containers:
                        - name: web
                          env:
                            - {name: B, value: "3"}
                            - {name: C, value: "4"}
                """);
        ObjectNode d = only(Kustomize.build(dir.resolve("overlay")), "Deployment");
        assertFalse(d.path("spec").has("replicas"));
        var containers = d.path("spec").path("template").path("spec").path("containers");
        assertEquals(2, containers.size(), "the sidecar survives the patch");
        assertEquals("acme/web:1.0.0", containers.path(0).path("image").asText(), "fields the patch omits stay");
        var env = containers.path(0).path("env");
        assertEquals(List.of("A=1", "B=3", "C=4"), List.of(env.get(0), env.get(1), env.get(2)).stream()
                .map(e -> e.path("name").asText() + "=" + e.path("value").asText()).toList());
    }

    @Test
    void appliesComponentsImagesReplicasAndNamespace() throws IOException {
        write("base/kustomization.yaml", "resources: [web.yaml, ns.yaml]\n");
        write("base/web.yaml", DEPLOYMENT);
        write("base/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
        write("extra/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                resources: [svc.yaml]
                """);
        write("extra/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}}\n");
        write("overlay/kustomization.yaml", """
                namespace: shop
                resources: [../base]
                components: [../extra]
                replicas:
                  - {name: web, count: 3}
                images:
                  - {name: acme/web, newName: registry.example.com/web, newTag: 1.2.3}
                  - {name: acme/sidecar, digest: "sha256:abc"}
                """);
        var objects = Kustomize.build(dir.resolve("overlay"));
        ObjectNode d = only(objects, "Deployment");
        assertEquals(3, d.path("spec").path("replicas").asInt());
        assertEquals("shop", d.path("metadata").path("namespace").asText());
        assertEquals("shop", only(objects, "Service").path("metadata").path("namespace").asText(), "component resources too");
        assertFalse(only(objects, "Namespace").path("metadata").has("namespace"), "cluster-scoped objects keep no namespace");
        var containers = d.path("spec").path("template").path("spec").path("containers");
        assertEquals("registry.example.com/web:1.2.3", containers.path(0).path("image").asText());
        assertEquals("acme/sidecar@sha256:abc", containers.path(1).path("image").asText());
    }

    @Test
    void generatesConfigMapsAndSecretsAndMergesIntoGeneratedOnes() throws IOException {
        write("base/kustomization.yaml", """
                generatorOptions: {disableNameSuffixHash: true}
                configMapGenerator:
                  - name: cfg
                    literals: [A=1, B=x=y]
                """);
        write("overlay/kustomization.yaml", """
                resources: [../base]
                generatorOptions: {disableNameSuffixHash: true}
                configMapGenerator:
                  - name: cfg
                    behavior: merge
                    literals: [A=2]
                    files: [init.sh]
                secretGenerator:
                  - name: creds
                    envs: [creds.env]
                """);
        write("overlay/init.sh", "echo hi\n");
        write("overlay/creds.env", "# comment\n\nPASSWORD=p=w\nEMPTY=\n");
        var objects = Kustomize.build(dir.resolve("overlay"));
        var data = only(objects, "ConfigMap").path("data");
        assertEquals("2", data.path("A").asText());
        assertEquals("x=y", data.path("B").asText());
        assertEquals("echo hi\n", data.path("init.sh").asText());
        ObjectNode secret = only(objects, "Secret");
        assertEquals("Opaque", secret.path("type").asText());
        assertEquals("p=w", new String(Base64.getDecoder().decode(secret.path("data").path("PASSWORD").asText()), StandardCharsets.UTF_8));
        assertEquals("", secret.path("data").path("EMPTY").asText());
    }

    @Test
    void namesTheTemplateWhenASecretEnvFileIsMissing() throws IOException {
        write("k/kustomization.yaml", """
                generatorOptions: {disableNameSuffixHash: true}
                secretGenerator:
                  - name: creds
                    envs: [secrets/app.env]
                """);
        var e = assertThrows(KustomizeException.class, () -> Kustomize.build(dir.resolve("k")));
        assertTrue(e.getMessage().contains("secrets/app.env.example"), e.getMessage());
    }

    @Test
    void refusesWhatItDoesNotImplementInsteadOfIgnoringIt() throws IOException {
        write("a/kustomization.yaml", "commonLabels: {a: b}\n");
        assertTrue(assertThrows(KustomizeException.class, () -> Kustomize.build(dir.resolve("a")))
                .getMessage().contains("commonLabels"));
        write("b/kustomization.yaml", "configMapGenerator: [{name: c, literals: [A=1]}]\n");
        assertTrue(assertThrows(KustomizeException.class, () -> Kustomize.build(dir.resolve("b")))
                .getMessage().contains("disableNameSuffixHash"));
        write("c/kustomization.yaml", "resources: [web.yaml]\npatches: [{path: p.yaml, target: {kind: Deployment}}]\n");
        write("c/web.yaml", DEPLOYMENT);
        assertThrows(KustomizeException.class, () -> Kustomize.build(dir.resolve("c")));
        write("d/kustomization.yaml", "resources: [web.yaml, web.yaml]\n");
        write("d/web.yaml", DEPLOYMENT);
        assertTrue(assertThrows(KustomizeException.class, () -> Kustomize.build(dir.resolve("d")))
                .getMessage().contains("twice"));
        ObjectNode target = (ObjectNode) new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(DEPLOYMENT);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("spec").put("$patch", "delete");
        assertThrows(KustomizeException.class, () -> StrategicMerge.apply(target, patch));
    }

    @Test
    void refusesAPatchThatMatchesNothing() throws IOException {
        write("k/kustomization.yaml", "resources: [web.yaml]\npatches: [{path: p.yaml}]\n");
        write("k/web.yaml", DEPLOYMENT);
        write("k/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: {replicas: 2}\n");
        assertTrue(assertThrows(KustomizeException.class, () -> Kustomize.build(dir.resolve("k")))
                .getMessage().contains("matches 0"));
    }
}
