package dev.vocloop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The closed network: deny by default, the gateway reachable from the ingress controller only,
 * each service from the gateway and the services that call it, each store from its owner only.
 * Expected callers are derived from what the Deployments are configured to call, and also pinned
 * to CONTRACT.md, so a new call without a policy (or a policy without a call) fails.
 */
class NetworkPoliciesTest {

    private static final String INGRESS_CONTROLLER = "namespace:ingress-nginx";
    private static final String PROMETHEUS = "namespace:monitoring";

    /** Who calls whom, from CONTRACT.md (hand-overs) and DESIGN.md (the gateway routes to all three). */
    private static final Map<String, Set<String>> CONTRACT_CALLERS = Map.of(
            "gateway", Set.of(INGRESS_CONTROLLER),
            "feedback-service", Set.of("pod:gateway", "pod:survey-service"),
            "ticket-service", Set.of("pod:gateway", "pod:feedback-service", "pod:survey-service"),
            "survey-service", Set.of("pod:gateway", "pod:ticket-service"));

    static List<String> variants() {
        return Manifests.VARIANTS;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void deniesEverythingByDefaultAndLetsEveryPodResolveNames(String variant) {
        var r = Manifests.render(variant);
        var net = new NetworkAccess(r);
        assertTrue(r.all(NetworkPolicy.class).stream().anyMatch(p -> p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                && p.getSpec().getPodSelector().getMatchExpressions().isEmpty()
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()), "no default-deny policy");
        for (Workload w : Workload.all(r)) {
            assertTrue(net.dnsAllowedFor(w), w.name() + " cannot reach DNS");
            assertFalse(net.sourcesAllowedTo(w, w.main().getPorts().get(0).getContainerPort()).contains("anyone"),
                    w.name() + " is open to anyone");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void admitsToEachServiceExactlyTheServicesConfiguredToCallIt(String variant) {
        var r = Manifests.render(variant);
        var net = new NetworkAccess(r);
        for (String service : ServiceSource.NAMES) {
            Workload target = Workload.named(r, service);
            int port = ServiceSource.of(service).httpPort();
            Set<String> expected = new TreeSet<>(configuredCallers(r, service));
            if (service.equals("gateway")) {
                expected.add(INGRESS_CONTROLLER);
            }
            if (variant.contains("service-monitor")) {
                expected.add(PROMETHEUS);
            }
            assertEquals(expected, net.sourcesAllowedTo(target, port), variant + ": who may reach " + service);
            Set<String> contract = new TreeSet<>(CONTRACT_CALLERS.get(service));
            if (variant.contains("service-monitor")) {
                contract.add(PROMETHEUS);
            }
            assertEquals(contract, expected, variant + ": callers of " + service + " differ from CONTRACT.md");
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void letsEveryServiceReachWhatItIsConfiguredToCall(String variant) {
        var r = Manifests.render(variant);
        var net = new NetworkAccess(r);
        for (Workload source : Workload.all(r)) {
            for (Endpoint e : Endpoint.in(source.env(r))) {
                Workload target = workloadBehind(r, e.host());
                if (target == null) {
                    continue;
                }
                int port = servicePortToContainerPort(r, serviceName(e.host()), e.port());
                assertTrue(net.egressAllowed(source, target, port), variant + ": " + source.name() + " may not reach "
                        + target.name() + ":" + port + " that its " + e.variable() + " names");
                assertTrue(net.sourcesAllowedTo(target, port).contains("pod:" + source.name()), variant + ": "
                        + target.name() + " does not admit " + source.name() + " that calls it through " + e.variable());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void leavesEachStoreReachableOnlyFromItsOwner(String variant) {
        var r = Manifests.render(variant);
        var net = new NetworkAccess(r);
        List<Workload> stores = Workload.all(r).stream()
                .filter(w -> !ServiceSource.NAMES.contains(w.name())).toList();
        if (r.production()) {
            assertTrue(stores.isEmpty(), "production runs no store in the cluster: " + stores.stream().map(Workload::name).toList());
        } else {
            assertEquals(Set.of("postgres", "mongo", "mailpit"),
                    new TreeSet<>(stores.stream().map(Workload::name).toList()), "dev stores");
        }
        for (Workload store : stores) {
            Set<String> owners = new TreeSet<>();
            for (Workload w : Workload.all(r)) {
                if (Endpoint.in(w.env(r)).stream().anyMatch(e -> store.equals(workloadBehind(r, e.host())))) {
                    owners.add("pod:" + w.name());
                }
            }
            assertFalse(owners.isEmpty(), store.name() + " has no owner");
            // A replica set's members replicate among themselves.
            Set<String> allowed = new TreeSet<>(owners);
            if (store.template().getSpec().getContainers().get(0).getPorts().size() > 0 && store.replicas() != null
                    && store.replicas() > 1) {
                allowed.add("pod:" + store.name());
            }
            for (var port : store.main().getPorts()) {
                Set<String> sources = net.sourcesAllowedTo(store, port.getContainerPort());
                if (port.getName().equals("web")) {
                    // The mail catcher's UI, reached by port-forward only.
                    assertEquals(Set.of(), sources, store.name() + ": web port open");
                    continue;
                }
                assertEquals(allowed, sources, variant + ": who may reach " + store.name() + ":" + port.getContainerPort());
            }
        }
        if (!r.production()) {
            assertEquals(Set.of("pod:gateway", "pod:ticket-service", "pod:survey-service"),
                    net.sourcesAllowedTo(Workload.named(r, "postgres"), 5432), "postgres owners per CONTRACT.md");
            assertEquals(Set.of("pod:feedback-service", "pod:mongo"),
                    net.sourcesAllowedTo(Workload.named(r, "mongo"), 27017), "mongo owner per CONTRACT.md");
        }
    }

    /** Deployments whose environment names the Service of {@code service}. */
    private static Set<String> configuredCallers(Manifests.Rendered r, String service) {
        Set<String> callers = new TreeSet<>();
        for (Workload w : Workload.all(r)) {
            if (Endpoint.in(w.env(r)).stream().anyMatch(e -> e.host().split("\\.")[0].equals(service))) {
                callers.add("pod:" + w.name());
            }
        }
        return callers;
    }

    /** The Service a host name resolves through: "x" or "x.ns...", or "pod-0.x" for a StatefulSet member. */
    private static String serviceName(String host) {
        String[] labels = host.split("\\.");
        return labels.length > 1 && labels[0].matches(".*-\\d+") ? labels[1] : labels[0];
    }

    private static Workload workloadBehind(Manifests.Rendered r, String host) {
        String serviceName = serviceName(host);
        Service svc = r.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(serviceName))
                .findFirst().orElse(null);
        if (svc == null) {
            return null;
        }
        return Workload.all(r).stream().filter(w -> NetworkAccess.selects(
                new io.fabric8.kubernetes.api.model.LabelSelectorBuilder().withMatchLabels(svc.getSpec().getSelector()).build(),
                w.labels())).findFirst().orElse(null);
    }

    private static int servicePortToContainerPort(Manifests.Rendered r, String serviceName, int port) {
        String name = serviceName;
        Service svc = r.all(Service.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .orElse(null);
        if (svc == null) {
            return port;
        }
        var sp = svc.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst()
                .orElseThrow(() -> new AssertionError("Service " + name + " has no port " + port));
        Workload w = workloadBehind(r, name);
        var target = sp.getTargetPort();
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        return w.containers().stream().flatMap(c -> c.getPorts().stream())
                .filter(cp -> target.getStrVal().equals(cp.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no container port " + target.getStrVal())).getContainerPort();
    }
}
