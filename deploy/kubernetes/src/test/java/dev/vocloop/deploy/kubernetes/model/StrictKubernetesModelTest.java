package dev.vocloop.deploy.kubernetes.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

class StrictKubernetesModelTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1.0.0
                      %s
            """;

    private static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void parsesAValidDeploymentIntoTheTypedModel() throws Exception {
        var parsed = StrictKubernetesModel.parse(yaml(DEPLOYMENT.formatted("ports: [{containerPort: 8080}]")));
        Deployment deployment = assertInstanceOf(Deployment.class, parsed);
        assertEquals(8080, deployment.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getPorts().get(0).getContainerPort());
    }

    @Test
    void rejectsAMisspeltFieldDeepInsideThePodTemplate() throws Exception {
        var e = assertThrows(IllegalArgumentException.class,
                () -> StrictKubernetesModel.parse(yaml(DEPLOYMENT.formatted("readinesProbe: {}"))));
        assertTrue(e.getMessage().contains("readinesProbe"), e.getMessage());
    }

    @Test
    void rejectsAValueOfTheWrongType() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> StrictKubernetesModel.parse(yaml(DEPLOYMENT.formatted("ports: [{containerPort: {x: 1}}]"))));
    }

    @Test
    void rejectsAKindTheModelDoesNotKnow() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> StrictKubernetesModel.parse(yaml("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                spec: {anything: 1}
                """)));
        assertTrue(e.getMessage().contains("unknown"), e.getMessage());
    }

    @Test
    void knowsThePrometheusOperatorServiceMonitor() throws Exception {
        var parsed = StrictKubernetesModel.parse(yaml("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: m}
                spec:
                  selector: {matchLabels: {a: b}}
                  endpoints: [{port: http, path: /q/metrics}]
                """));
        assertEquals("/q/metrics", assertInstanceOf(ServiceMonitor.class, parsed).getSpec().getEndpoints().get(0).getPath());
    }
}
