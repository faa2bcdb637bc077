package dev.vocloop.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the NetworkPolicies of a rendered variant as Kubernetes does: a pod selected by any
 * policy of a direction is isolated in that direction, and then only the union of those policies'
 * rules lets traffic through. Sources and destinations are named "pod:&lt;workload&gt;" for pods
 * of this namespace, "namespace:&lt;name&gt;", "ipBlock:&lt;cidr&gt;", or "anyone".
 */
public final class NetworkAccess {

    private final List<NetworkPolicy> policies;
    private final List<Workload> workloads;

    public NetworkAccess(Manifests.Rendered rendered) {
        this.policies = rendered.all(NetworkPolicy.class);
        this.workloads = Workload.all(rendered);
    }

    /** Who may open a TCP connection to the pods of {@code target} on {@code port}. */
    public Set<String> sourcesAllowedTo(Workload target, int port) {
        Set<String> sources = new TreeSet<>();
        boolean isolated = false;
        for (NetworkPolicy p : policies) {
            if (!selects(p.getSpec().getPodSelector(), target.labels()) || !types(p).contains("Ingress")) {
                continue;
            }
            isolated = true;
            for (var rule : p.getSpec().getIngress()) {
                if (portMatches(rule.getPorts(), target, port)) {
                    sources.addAll(peers(rule.getFrom()));
                }
            }
        }
        return isolated ? sources : Set.of("anyone");
    }

    /** Whether pods of {@code source} may open a connection to pods of {@code target} on {@code port}. */
    public boolean egressAllowed(Workload source, Workload target, int port) {
        boolean isolated = false;
        for (NetworkPolicy p : policies) {
            if (!selects(p.getSpec().getPodSelector(), source.labels()) || !types(p).contains("Egress")) {
                continue;
            }
            isolated = true;
            for (var rule : p.getSpec().getEgress()) {
                if (portMatches(rule.getPorts(), target, port) && (rule.getTo().isEmpty()
                        || peers(rule.getTo()).contains("pod:" + target.name()))) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    /** Whether every pod may reach the cluster DNS on UDP 53. */
    public boolean dnsAllowedFor(Workload source) {
        for (NetworkPolicy p : policies) {
            if (!selects(p.getSpec().getPodSelector(), source.labels()) || !types(p).contains("Egress")) {
                continue;
            }
            for (var rule : p.getSpec().getEgress()) {
                boolean port = rule.getPorts().stream().anyMatch(np -> "UDP".equals(np.getProtocol())
                        && np.getPort() != null && Integer.valueOf(53).equals(np.getPort().getIntVal()));
                boolean dns = rule.getTo().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                        && "kube-system".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
                if (port && dns) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> peers(List<NetworkPolicyPeer> peers) {
        Set<String> names = new TreeSet<>();
        if (peers.isEmpty()) {
            names.add("anyone");
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                names.add("ipBlock:" + peer.getIpBlock().getCidr());
            } else if (peer.getNamespaceSelector() != null) {
                String ns = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                names.add(ns == null ? "namespace:*" : "namespace:" + ns);
            } else {
                for (Workload w : workloads) {
                    if (selects(peer.getPodSelector(), w.labels())) {
                        names.add("pod:" + w.name());
                    }
                }
            }
        }
        return names;
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, Workload target, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort np : ports) {
            if (np.getProtocol() != null && !np.getProtocol().equals("TCP")) {
                continue;
            }
            IntOrString p = np.getPort();
            if (p == null || Integer.valueOf(port).equals(p.getIntVal())) {
                return true;
            }
            if (p.getStrVal() != null) {
                for (var c : target.containers()) {
                    for (ContainerPort cp : c.getPorts()) {
                        if (p.getStrVal().equals(cp.getName()) && cp.getContainerPort() == port) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static List<String> types(NetworkPolicy p) {
        List<String> types = p.getSpec().getPolicyTypes();
        if (types.isEmpty()) {
            // The API's default: Ingress always, Egress when egress rules are given.
            return p.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
        }
        return types;
    }

    /** Label selector semantics: matchLabels and matchExpressions all hold; an empty selector selects all. */
    public static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        for (var e : selector.getMatchLabels().entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
