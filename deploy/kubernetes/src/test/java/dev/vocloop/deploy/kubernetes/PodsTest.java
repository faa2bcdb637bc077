package dev.vocloop.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pod of every variant, services and stores alike: hardened, sized, pinned images. */
class PodsTest {

    static List<String> variants() {
        return Manifests.VARIANTS;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyPodRunsAsNonRootWithAReadOnlyRootAndNoCapabilities(String variant) {
        for (Workload w : Workload.all(Manifests.render(variant))) {
            PodSpec pod = w.template().getSpec();
            var podContext = pod.getSecurityContext();
            assertNotNull(podContext, w.name() + ": no pod securityContext");
            assertEquals(Boolean.TRUE, podContext.getRunAsNonRoot(), w.name() + ": runAsNonRoot");
            assertNotNull(podContext.getRunAsUser(), w.name() + ": a numeric runAsUser, so runAsNonRoot can be verified");
            assertTrue(podContext.getRunAsUser() > 0, w.name() + ": runAsUser 0");
            assertEquals("RuntimeDefault", podContext.getSeccompProfile().getType(), w.name() + ": seccomp");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), w.name() + ": no API token needed");
            assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC()), w.name() + ": shares a host namespace");
            // The volume types the namespace's "restricted" Pod Security Standard admits, as used here.
            for (Volume v : pod.getVolumes()) {
                assertTrue(v.getEmptyDir() != null || v.getConfigMap() != null || v.getSecret() != null
                        || v.getPersistentVolumeClaim() != null || v.getProjected() != null, w.name() + ": volume " + v.getName());
            }
            for (Container c : containers(pod)) {
                var sc = c.getSecurityContext();
                String what = w.name() + "/" + c.getName();
                assertNotNull(sc, what + ": no securityContext");
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), what + ": allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), what + ": readOnlyRootFilesystem");
                assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), what + ": capabilities drop");
                assertTrue(sc.getCapabilities().getAdd().isEmpty(), what + ": capabilities added");
                assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), what + ": privileged");
                // A read-only root needs a writable /tmp, and it must be scratch space, not the image.
                var tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                        .orElseThrow(() -> new AssertionError(what + ": no writable /tmp"));
                Volume v = pod.getVolumes().stream().filter(vol -> vol.getName().equals(tmp.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(what + ": /tmp volume missing"));
                assertNotNull(v.getEmptyDir(), what + ": /tmp is not an emptyDir");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyContainerHasCpuAndMemoryRequestsWithinItsLimits(String variant) {
        for (Workload w : Workload.all(Manifests.render(variant))) {
            for (Container c : containers(w.template().getSpec())) {
                String what = w.name() + "/" + c.getName();
                var res = c.getResources();
                for (String kind : List.of("cpu", "memory")) {
                    assertNotNull(res.getRequests().get(kind), what + ": no " + kind + " request");
                    assertNotNull(res.getLimits().get(kind), what + ": no " + kind + " limit");
                    assertTrue(ServiceDeploymentsTest.amount(res.getRequests().get(kind))
                            .compareTo(ServiceDeploymentsTest.amount(res.getLimits().get(kind))) <= 0, what + ": " + kind + " request above limit");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyImageIsPinnedToAVersion(String variant) {
        for (Workload w : Workload.all(Manifests.render(variant))) {
            for (Container c : containers(w.template().getSpec())) {
                String image = c.getImage();
                String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/')
                        ? image.substring(image.lastIndexOf(':') + 1) : "";
                assertFalse(tag.isEmpty(), w.name() + ": image " + image + " has no tag");
                assertFalse(tag.equalsIgnoreCase("latest"), w.name() + ": image " + image + " uses latest");
                assertTrue(tag.equals("digest") || tag.matches("v?\\d+(\\.\\d+)*([._-][A-Za-z0-9._-]+)?"),
                        w.name() + ": image tag " + tag + " is not a version");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void everyLongRunningContainerIsProbed(String variant) {
        for (Workload w : Workload.all(Manifests.render(variant))) {
            Container main = w.main();
            assertNotNull(main.getReadinessProbe(), w.name() + ": no readiness probe");
            assertNotNull(main.getLivenessProbe(), w.name() + ": no liveness probe");
        }
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        all.addAll(pod.getInitContainers());
        return all;
    }
}
