package dev.vocloop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.deploy.kubernetes.render.Kustomize;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No secret value in git: Secrets come from generators over uncommitted .env files, or kubectl. */
class CommittedSecretsTest {

    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(password|secret|token|_key|apikey|credential).*");
    private static final Pattern URI_WITH_PASSWORD = Pattern.compile("^[a-z][a-z0-9+.-]*://[^/@\\s]+:[^/@\\s]+@.*");

    static List<String> variants() {
        return Manifests.VARIANTS;
    }

    /** The files git tracks under deploy/kubernetes (what a commit would publish). */
    static List<Path> committedFiles() throws Exception {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--", ".")
                .directory(Manifests.sourceDir().toFile()).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), "git ls-files failed (the checks need a git checkout): " + out);
        return List.of(out.split("\0")).stream().filter(s -> !s.isBlank())
                .map(s -> Manifests.sourceDir().resolve(s)).toList();
    }

    @Test
    void noEnvFileIsCommittedOnlyTemplatesWithoutValues() throws Exception {
        List<Path> files = committedFiles();
        assertFalse(files.isEmpty(), "git tracks nothing under deploy/kubernetes");
        long templates = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            assertFalse(name.endsWith(".env") || name.equals(".env"), f + " is committed: secret values belong in no commit");
            assertFalse(name.endsWith(".pem"), f + " is committed: keys belong in no commit");
            if (name.endsWith(".pem.example")) {
                assertFalse(Files.readString(f).contains("-----BEGIN"), f + ": the template carries key material");
            }
            if (name.endsWith(".env.example")) {
                templates++;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        assertTrue(t.endsWith("="), f.getFileName() + ": the template carries a value for " + t.split("=")[0]);
                    }
                }
            }
        }
        assertTrue(templates >= 4, "the secret templates are missing from git");
        // The folder's .gitignore keeps filled-in copies out of commits.
        String ignore = Files.readString(Manifests.sourceDir().resolve(".gitignore"));
        assertTrue(ignore.lines().anyMatch("*.env"::equals) && ignore.lines().anyMatch("!*.env.example"::equals), ignore);
        assertTrue(ignore.lines().anyMatch("*.pem"::equals) && ignore.lines().anyMatch("!*.pem.example"::equals), ignore);
    }

    @Test
    void noCommittedManifestIsASecretOrCarriesACredential() throws Exception {
        for (Path f : committedFiles()) {
            String name = f.getFileName().toString();
            if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                continue;
            }
            for (var doc : Kustomize.readDocuments(f)) {
                assertFalse(doc.path("kind").asText().equals("Secret"), f + ": a Secret object is committed");
                if (doc.path("kind").asText().equals("Kustomization")) {
                    for (var gen : doc.path("secretGenerator")) {
                        assertTrue(gen.path("literals").isEmpty(), f + ": secretGenerator " + gen.path("name").asText()
                                + " has literals; secret values go in an uncommitted .env file");
                    }
                    for (var gen : doc.path("configMapGenerator")) {
                        for (var literal : gen.path("literals")) {
                            assertNotCredential(literal.asText(), f.toString());
                        }
                    }
                }
                doc.findValues("value").forEach(v -> assertFalse(URI_WITH_PASSWORD.matcher(v.asText()).matches(),
                        f + ": a credential in a URI"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void renderedConfigMapsHoldNoCredentials(String variant) {
        for (ConfigMap cm : Manifests.render(variant).all(ConfigMap.class)) {
            cm.getData().forEach((k, v) -> assertNotCredential(k + "=" + v, "ConfigMap " + cm.getMetadata().getName()));
        }
    }

    private static void assertNotCredential(String pair, String where) {
        String key = pair.split("=", 2)[0];
        String value = pair.contains("=") ? pair.split("=", 2)[1] : "";
        assertFalse(CREDENTIAL_NAME.matcher(key).matches(), where + ": " + key + " looks like a credential; put it in a Secret");
        assertFalse(URI_WITH_PASSWORD.matcher(value).matches(), where + ": " + key + " is a URI with a password");
    }

    @Test
    void detectsACredentialInAUri() throws IOException {
        // The pattern above must catch the shapes a managed store hands out.
        assertTrue(URI_WITH_PASSWORD.matcher("mongodb+srv://app:s3cret@cluster0.example.net/?w=majority").matches());
        assertTrue(URI_WITH_PASSWORD.matcher("postgresql://app:s3cret@db:5432/x").matches());
        assertFalse(URI_WITH_PASSWORD.matcher("mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/?replicaSet=rs0").matches());
    }
}
