package dev.vocloop.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.gateway.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * What a product team does with the merged document: generate a Java client with
 * openapi-generator, compile it, and pull feedback through the running gateway with an API key.
 */
@QuarkusTest
class GeneratedClientTest {

    @TempDir
    Path work;

    @Test
    void aClientGeneratedFromTheMergedDocumentPullsFeedbackThroughTheGateway() throws Exception {
        Path spec = work.resolve("vocloop.json");
        Files.writeString(spec, given().when().get("/q/openapi").then().statusCode(200).extract().asString());

        Path generated = work.resolve("client");
        CodegenConfigurator config = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(spec.toString())
                .setOutputDir(generated.toString())
                .setApiPackage("com.example.vocloop.api")
                .setModelPackage("com.example.vocloop.model")
                .setInvokerPackage("com.example.vocloop")
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false");
        new DefaultGenerator().opts(config.toClientOptInput()).generate();

        Path sources = generated.resolve("src/main/java");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        List<String> options = List.of("-d", classes.toString(), "-proc:none", "-nowarn",
                "-classpath", System.getProperty("java.class.path"));
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            boolean compiled = javac.getTask(errors, fileManager, null, options, null,
                    fileManager.getJavaFileObjectsFromStrings(files)).call();
            assertTrue(compiled, errors.toString());
        }

        String bearer = ApiKeys.bearer("PRODUCT");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> apiClientType = loader.loadClass("com.example.vocloop.ApiClient");
            Object apiClient = apiClientType.getConstructor().newInstance();
            apiClientType.getMethod("updateBaseUri", String.class).invoke(apiClient, "http://localhost:" + RestAssured.port);
            Consumer<HttpRequest.Builder> auth = request -> request.header("Authorization", bearer);
            apiClientType.getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, auth);

            Class<?> apiType = apiClass(loader, generated, "getFeedback");
            Object api = apiType.getConstructor(apiClientType).newInstance(apiClient);
            Method getFeedback = apiType.getMethod("getFeedback", String.class);
            Object feedback = getFeedback.invoke(api, "fb-42");
            assertEquals("fb-42", feedback.getClass().getMethod("getId").invoke(feedback));
        }
    }

    /** The generated API class that has the operation (its name depends on the tag). */
    private static Class<?> apiClass(ClassLoader loader, Path generated, String operation) throws IOException, ClassNotFoundException {
        Path apiDir = generated.resolve("src/main/java/com/example/vocloop/api");
        try (Stream<Path> files = Files.list(apiDir)) {
            for (Path file : files.toList()) {
                if (Files.readString(file).contains(" " + operation + "(")) {
                    String simpleName = file.getFileName().toString().replace(".java", "");
                    return loader.loadClass("com.example.vocloop.api." + simpleName);
                }
            }
        }
        throw new AssertionError("no generated API class has " + operation + " among " + Map.of());
    }
}
