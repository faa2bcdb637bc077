package dev.vocloop.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Deployment or StatefulSet of a rendered variant, with what its pods see. */
public record Workload(HasMetadata object, PodTemplateSpec template, Integer replicas) {

    public static List<Workload> all(Manifests.Rendered r) {
        List<Workload> list = new ArrayList<>();
        r.all(Deployment.class).forEach(d -> list.add(new Workload(d, d.getSpec().getTemplate(), d.getSpec().getReplicas())));
        r.all(StatefulSet.class).forEach(s -> list.add(new Workload(s, s.getSpec().getTemplate(), s.getSpec().getReplicas())));
        return list;
    }

    public static Workload named(Manifests.Rendered r, String name) {
        return all(r).stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(r.variant() + ": no workload " + name));
    }

    public String name() {
        return object.getMetadata().getName();
    }

    public Map<String, String> labels() {
        return template.getMetadata().getLabels();
    }

    public List<Container> containers() {
        return template.getSpec().getContainers();
    }

    public Container main() {
        return containers().get(0);
    }

    /** Where each variable of the main container comes from: "value", "configmap" or "secret". */
    public Map<String, String> envSources(Manifests.Rendered r) {
        Map<String, String> sources = new LinkedHashMap<>();
        Container c = main();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                configMap(r, from.getConfigMapRef().getName()).getData().keySet().forEach(k -> sources.put(k, "configmap"));
            }
            if (from.getSecretRef() != null) {
                secret(r, from.getSecretRef().getName()).ifPresent(s -> s.getData().keySet().forEach(k -> sources.put(k, "secret")));
            }
        }
        for (EnvVar e : c.getEnv()) {
            sources.put(e.getName(), e.getValueFrom() == null ? "value"
                    : e.getValueFrom().getSecretKeyRef() != null ? "secret" : "configmap");
        }
        return sources;
    }

    /** The values the main container sees; values from Secrets are those of the committed templates. */
    public Map<String, String> env(Manifests.Rendered r) {
        Map<String, String> env = new LinkedHashMap<>();
        Container c = main();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                env.putAll(configMap(r, from.getConfigMapRef().getName()).getData());
            }
            if (from.getSecretRef() != null) {
                secret(r, from.getSecretRef().getName()).ifPresent(s -> s.getData().forEach((k, v) ->
                        env.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8))));
            }
        }
        for (EnvVar e : c.getEnv()) {
            env.put(e.getName(), e.getValue() == null ? "" : e.getValue());
        }
        return env;
    }

    static ConfigMap configMap(Manifests.Rendered r, String name) {
        return r.one(ConfigMap.class, name);
    }

    static java.util.Optional<Secret> secret(Manifests.Rendered r, String name) {
        return r.all(Secret.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
    }
}
