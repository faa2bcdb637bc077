package dev.vocloop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What each overlay and component adds, and that the objects of a variant fit together. */
class OverlaysTest {

    static List<String> variants() {
        return Manifests.VARIANTS;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void rendersIntoOneNamespaceWithEveryObjectKnownToTheKubernetesModel(String variant) {
        var r = Manifests.render(variant);
        // Manifests.render parsed every object strictly; here: nothing was lost or left outside the namespace.
        assertEquals(r.raw().size(), r.objects().size());
        assertEquals(1, r.all(Namespace.class).size());
        for (HasMetadata o : r.objects()) {
            if (!(o instanceof Namespace)) {
                assertEquals("vocloop", o.getMetadata().getNamespace(), o.getKind() + " " + o.getMetadata().getName());
            }
        }
        Set<String> ids = new HashSet<>();
        r.objects().forEach(o -> assertTrue(ids.add(o.getKind() + "/" + o.getMetadata().getName()), "duplicate " + o));
        assertEquals(variant.contains("service-monitor"), !r.all(ServiceMonitor.class).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyServiceSelectsThePodsOfOneWorkloadOnPortsTheyOpen(String variant) {
        var r = Manifests.render(variant);
        for (Service s : r.all(Service.class)) {
            Map<String, String> selector = s.getSpec().getSelector();
            assertFalse(selector.isEmpty(), s.getMetadata().getName() + ": no selector");
            List<Workload> selected = Workload.all(r).stream()
                    .filter(w -> w.labels().entrySet().containsAll(selector.entrySet())).toList();
            assertEquals(1, selected.size(), s.getMetadata().getName() + " selects " + selected.size() + " workloads");
            Workload w = selected.get(0);
            for (var port : s.getSpec().getPorts()) {
                var target = port.getTargetPort();
                boolean open = w.containers().stream().flatMap(c -> c.getPorts().stream()).anyMatch(cp ->
                        target.getIntVal() != null ? target.getIntVal().equals(cp.getContainerPort()) : target.getStrVal().equals(cp.getName()));
                assertTrue(open, s.getMetadata().getName() + ": target port " + target + " is not opened by " + w.name());
            }
        }
        for (Workload w : Workload.all(r)) {
            var selector = w.object() instanceof Deployment d ? d.getSpec().getSelector() : ((StatefulSet) w.object()).getSpec().getSelector();
            assertTrue(NetworkAccess.selects(selector, w.labels()), w.name() + ": selector does not match its own pods");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyConfigMapAndSecretAPodNeedsIsRendered(String variant) {
        var r = Manifests.render(variant);
        Set<String> configMaps = r.all(ConfigMap.class).stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
        Map<String, Secret> secrets = r.all(Secret.class).stream().collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        for (Workload w : Workload.all(r)) {
            for (var c : w.containers()) {
                for (var from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        assertTrue(configMaps.contains(from.getConfigMapRef().getName()), w.name() + ": " + from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null && !Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                        assertTrue(secrets.containsKey(from.getSecretRef().getName()), w.name() + ": " + from.getSecretRef().getName());
                    }
                }
                for (var env : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        assertTrue(secrets.containsKey(ref.getName()) && secrets.get(ref.getName()).getData().containsKey(ref.getKey()),
                                w.name() + ": secret " + ref.getName() + " has no key " + ref.getKey());
                    }
                }
            }
            for (var v : w.template().getSpec().getVolumes()) {
                if (v.getConfigMap() != null) {
                    assertTrue(configMaps.contains(v.getConfigMap().getName()), w.name() + ": volume " + v.getName());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void onlyTheGatewayIsExposedAndOnlyOverTls(String variant) {
        var r = Manifests.render(variant);
        List<Ingress> ingresses = r.all(Ingress.class);
        assertEquals(1, ingresses.size());
        Ingress ingress = ingresses.get(0);
        Set<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream()).collect(Collectors.toSet());
        ingress.getSpec().getTls().forEach(t -> assertNotNull(t.getSecretName(), "TLS without a certificate Secret"));
        assertNotNull(ingress.getSpec().getIngressClassName());
        assertEquals(null, ingress.getSpec().getDefaultBackend());
        for (var rule : ingress.getSpec().getRules()) {
            assertTrue(tlsHosts.contains(rule.getHost()), rule.getHost() + " is served without TLS");
            for (var path : rule.getHttp().getPaths()) {
                assertEquals("gateway", path.getBackend().getService().getName());
                assertEquals("http", path.getBackend().getService().getPort().getName());
            }
        }
        for (Service s : r.all(Service.class)) {
            String type = s.getSpec().getType() == null ? "ClusterIP" : s.getSpec().getType();
            assertEquals("ClusterIP", type, s.getMetadata().getName() + " is exposed outside the cluster");
        }
        String publicBase = Workload.named(r, "survey-service").env(r).get("PUBLIC_BASE_URL");
        assertTrue(tlsHosts.stream().anyMatch(h -> publicBase.equals("https://" + h)),
                "survey links (" + publicBase + ") must point at the ingress host " + tlsHosts);
        String origins = Workload.named(r, "gateway").env(r).get("CORS_ORIGINS");
        assertTrue(tlsHosts.stream().anyMatch(h -> List.of(origins.split(",")).contains("https://" + h)),
                "CORS origins (" + origins + ") must include the public host " + tlsHosts);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void productionRunsTwoOrMoreOfEachServiceAutoscalesTheBusyOnesAndBudgetsDisruptions(String variant) {
        var r = Manifests.render(variant);
        if (!r.production()) {
            assertTrue(r.all(HorizontalPodAutoscaler.class).isEmpty() && r.all(PodDisruptionBudget.class).isEmpty(),
                    "a single-node dev cluster cannot honour disruption budgets");
            return;
        }
        Map<String, HorizontalPodAutoscaler> hpas = r.all(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertEquals(Set.of("gateway", "feedback-service"), hpas.keySet());
        for (String service : ServiceSource.NAMES) {
            Deployment d = r.one(Deployment.class, service);
            HorizontalPodAutoscaler hpa = hpas.get(service);
            if (hpa != null) {
                assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
                assertTrue(hpa.getSpec().getMinReplicas() >= 2, service + ": HPA minReplicas");
                assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
                // A fixed count would reset the autoscaler's choice on every apply.
                assertEquals(null, d.getSpec().getReplicas(), service + ": replicas set beside an HPA");
                assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> "cpu".equals(m.getResource().getName())));
            } else {
                assertTrue(d.getSpec().getReplicas() != null && d.getSpec().getReplicas() >= 2, service + ": replicas");
            }
            List<PodDisruptionBudget> budgets = r.all(PodDisruptionBudget.class).stream()
                    .filter(p -> NetworkAccess.selects(p.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                    .toList();
            assertEquals(1, budgets.size(), service + ": disruption budgets");
            assertEquals(1, budgets.get(0).getSpec().getMaxUnavailable().getIntVal(), service + ": maxUnavailable");
            assertFalse(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().isEmpty(),
                    service + ": replicas are not spread over nodes");
            assertTrue(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
                    .startsWith("registry.example.com/"), service + ": production image comes from the registry");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void devRunsPostgresAndAThreeMemberMongoReplicaSetOnPersistentVolumes(String variant) {
        var r = Manifests.render(variant);
        if (r.production()) {
            return;
        }
        StatefulSet postgres = r.one(StatefulSet.class, "postgres");
        StatefulSet mongo = r.one(StatefulSet.class, "mongo");
        for (StatefulSet s : List.of(postgres, mongo)) {
            var claims = s.getSpec().getVolumeClaimTemplates();
            assertEquals(1, claims.size(), s.getMetadata().getName() + ": one volume claim");
            String claim = claims.get(0).getMetadata().getName();
            assertTrue(s.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                    .anyMatch(m -> m.getName().equals(claim)), s.getMetadata().getName() + ": data volume not mounted");
            assertEquals(s.getMetadata().getName(), s.getSpec().getServiceName());
        }
        assertEquals(3, mongo.getSpec().getReplicas());
        List<String> command = mongo.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand();
        String replSet = command.get(command.indexOf("--replSet") + 1);
        String init = String.join("\n", mongo.getSpec().getTemplate().getSpec().getContainers().get(1).getCommand());
        Set<String> members = new TreeSet<>();
        Matcher m = Pattern.compile("host: \"([^\"]+)\"").matcher(init);
        while (m.find()) {
            members.add(m.group(1));
        }
        assertEquals(Set.of("mongo-0.mongo:27017", "mongo-1.mongo:27017", "mongo-2.mongo:27017"), members, "rs.initiate members");
        assertTrue(init.contains("_id: \"" + replSet + "\""), "rs.initiate names another replica set than mongod");
        Service headless = r.one(Service.class, "mongo");
        assertEquals("None", headless.getSpec().getClusterIP(), "members need stable DNS names");
        String uri = Workload.named(r, "feedback-service").env(r).get("MONGODB_URI");
        assertTrue(uri.contains("replicaSet=" + replSet), "feedback-service does not connect as a replica-set client: " + uri);
        Endpoint.in(Map.of("MONGODB_URI", uri)).forEach(e -> assertTrue(members.contains(e.host() + ":" + e.port()), e.toString()));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void devCreatesTheDatabaseAndLoginEachPostgresServiceConnectsWith(String variant) {
        var r = Manifests.render(variant);
        if (r.production()) {
            return;
        }
        String script = r.one(ConfigMap.class, "postgres-init").getData().get("postgres-init.sh");
        Map<String, String[]> created = new java.util.HashMap<>();
        Matcher m = Pattern.compile("(?m)^create (\\S+) (\\S+) \"\\$(\\w+)\"$").matcher(script);
        while (m.find()) {
            created.put(m.group(2), new String[] {m.group(1), m.group(3)});
        }
        var postgresEnv = Workload.named(r, "postgres").main().getEnv();
        for (Workload w : Workload.all(r)) {
            Map<String, String> env = w.env(r);
            String url = env.get("DB_URL");
            if (url == null || !url.startsWith("jdbc:postgresql://postgres:")) {
                continue;
            }
            String db = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
            String[] login = created.get(db);
            assertNotNull(login, w.name() + ": postgres-init.sh creates no database " + db);
            assertEquals(login[0], env.get("DB_USER"), w.name() + ": login");
            // The password the init script sets is the one the service reads: the same Secret key.
            var passwordSource = postgresEnv.stream().filter(e -> e.getName().equals(login[1])).findFirst()
                    .orElseThrow(() -> new AssertionError("postgres has no variable " + login[1]));
            var ref = passwordSource.getValueFrom().getSecretKeyRef();
            var serviceSecret = w.main().getEnvFrom().stream().filter(f -> f.getSecretRef() != null).findFirst()
                    .orElseThrow().getSecretRef().getName();
            assertEquals(serviceSecret, ref.getName(), w.name() + ": password Secret");
            assertEquals("DB_PASSWORD", ref.getKey());
        }
        assertEquals(3, created.size(), "one database per owning service");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void theServiceMonitorScrapesTheMetricsPathOfExactlyTheFourServices(String variant) {
        var r = Manifests.render(variant);
        for (ServiceMonitor monitor : r.all(ServiceMonitor.class)) {
            var selector = monitor.getSpec().getSelector();
            Set<String> scraped = r.all(Service.class).stream()
                    .filter(s -> NetworkAccess.selects(selector, s.getMetadata().getLabels()))
                    .map(s -> s.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(ServiceSource.NAMES), scraped, "services scraped");
            for (var endpoint : monitor.getSpec().getEndpoints()) {
                for (String name : scraped) {
                    assertEquals(ServiceSource.of(name).metricsPath(), endpoint.getPath(), name + ": metrics path");
                    assertTrue(r.one(Service.class, name).getSpec().getPorts().stream()
                            .anyMatch(p -> endpoint.getPort().equals(p.getName())), name + ": no port " + endpoint.getPort());
                }
            }
        }
    }

    @Test
    void generatedSecretsCarryOnlyTheCommittedEmptyTemplateValuesInTests() {
        // Guards the test harness itself: a developer's filled-in .env must never be read (or printed) here.
        for (String variant : List.of("dev", "production")) {
            for (Secret s : Manifests.render(variant).all(Secret.class)) {
                s.getData().forEach((k, v) -> assertEquals("", new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8),
                        s.getMetadata().getName() + "/" + k));
            }
        }
    }
}
