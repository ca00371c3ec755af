package io.eventpipe.launcher.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.schemas.topics.Topic;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.stack.ProjectHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** deploy/k8s: valid for the Kubernetes and Strimzi schemas, and the Kafka resources current with the code. */
class KubernetesManifestsTest {

    private static final Path HOME = ProjectHome.find();

    @Test
    void theKafkaResourcesAreTheCatalogueAndTheRelayAcls() throws Exception {
        String kafka = Files.readString(HOME.resolve("deploy/k8s/kafka.yaml"));
        assertThat(kafka).as("deploy/k8s/kafka.yaml is stale: regenerate it with ./eventpipe k8s-kafka > deploy/k8s/kafka.yaml")
                .isEqualTo(KafkaResources.render());
        for (Topic<?> topic : Topics.ALL) {
            assertThat(kafka).contains("topicName: " + topic.name() + "\n  partitions: " + topic.defaultPartitions());
        }
        assertThat(kafka).contains("kind: KafkaUser",
                "name: events.incoming, patternType: literal}\n        operations: [Write, Describe]");
    }

    @Test
    void everyManifestValidatesAgainstTheSchemas() throws Exception {
        Path validator = HOME.resolve("tools/k8s-validate");
        assertThat(validator.resolve("node_modules/kubernetes-models")).as("scripts/install-test-tools.sh installs the validator")
                .isDirectory();
        Process process = new ProcessBuilder("node", validator.resolve("validate.mjs").toString(), HOME.resolve("deploy/k8s").toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("manifests valid");
    }

    @Test
    void deploymentsHaveTheSizesOfSeed000AndReferenceTheirSecrets() throws Exception {
        for (String service : new String[] {"ingress-relay", "stream-processors", "anchor-sink", "admin-service"}) {
            String manifest = Files.readString(HOME.resolve("deploy/k8s/" + service + ".yaml"));
            assertThat(manifest).as(service).contains("requests: {memory: 256Mi, cpu: 250m}", "limits: {memory: 512Mi, cpu: 500m}",
                    "kind: PodDisruptionBudget", "path: /ready", "path: /health", "runAsNonRoot: true")
                    .doesNotContain("kind: Secret\n");
        }
        assertThat(Files.readString(HOME.resolve("deploy/k8s/ingress-relay.yaml"))).contains("kind: HorizontalPodAutoscaler",
                "secretKeyRef: {name: eventpipe-pow, key: secret}");
    }

    @Test
    void deploymentsGiveServicesOnlyTheirOwnSettings() throws Exception {
        for (ConfigReference.Service service : ConfigReference.SERVICES) {
            java.util.Set<String> known = ConfigReference.environmentVariables(HOME, service);
            java.util.List<String> used = java.util.regex.Pattern.compile("name: (EVENTPIPE_[A-Z0-9_]+)")
                    .matcher(Files.readString(HOME.resolve("deploy/k8s/" + service.name() + ".yaml"))).results()
                    .map(m -> m.group(1)).toList();
            assertThat(used).as(service.name()).isNotEmpty();
            assertThat(known).as("settings of " + service.name()).containsAll(used);
        }
    }
}
