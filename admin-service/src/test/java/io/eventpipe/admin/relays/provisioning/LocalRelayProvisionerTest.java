package io.eventpipe.admin.relays.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRelayProvisionerTest {

    private static final LaunchSpec SPEC = new LaunchSpec("relay.jar", 128, "127.0.0.1",
            Map.of("EVENTPIPE_POW_SECRET", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));

    @Test
    void theLaunchFileIsReadWithTheSettingsRelaysShareAndNeverPrintsTheirValues(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("launch.properties"), String.join("\n", "classpath=/a.jar:/b.jar", "heap.mib=200",
                "env.EVENTPIPE_POW_SECRET=very-secret-value", "env.EVENTPIPE_REDIS_URL=redis\\://127.0.0.1\\:6379", ""));
        LaunchSpec spec = LaunchSpec.load(file);
        assertThat(spec.classpath()).isEqualTo("/a.jar:/b.jar");
        assertThat(spec.heapMib()).isEqualTo(200);
        assertThat(spec.host()).isEqualTo("127.0.0.1");
        assertThat(spec.env()).containsEntry("EVENTPIPE_REDIS_URL", "redis://127.0.0.1:6379");
        assertThat(spec.toString()).contains("EVENTPIPE_POW_SECRET").doesNotContain("very-secret-value");
        assertThatThrownBy(() -> LaunchSpec.load(Files.writeString(dir.resolve("empty.properties"), "heap.mib=1\n")))
                .hasMessageContaining("classpath");
    }

    @Test
    void aRelayKeepsItsEndpointAndIdsCannotLeaveTheDirectory(@TempDir Path dir) throws Exception {
        try (LocalRelayProvisioner provisioner = new LocalRelayProvisioner(dir, SPEC, "http://127.0.0.1:1/v1/relays/enroll")) {
            String endpoint = provisioner.reserveEndpoint("relay-two");
            assertThat(endpoint).startsWith("http://127.0.0.1:");
            assertThat(provisioner.reserveEndpoint("relay-two")).isEqualTo(endpoint);
            assertThat(provisioner.status("relay-two")).hasValueSatisfying(l -> assertThat(l.running()).isFalse());
            assertThatThrownBy(() -> provisioner.reserveEndpoint("../escape")).isInstanceOf(ProvisioningException.class);
            assertThatThrownBy(() -> provisioner.launch("../escape", "token")).isInstanceOf(ProvisioningException.class);
            assertThat(Files.exists(dir.resolveSibling("escape"))).isFalse();
            assertThatThrownBy(() -> provisioner.restart("relay-two")).isInstanceOf(ProvisioningException.class)
                    .satisfies(e -> assertThat(((ProvisioningException) e).isConflict()).isTrue())
                    .hasMessageContaining("not launched and enrolled");
            assertThat(provisioner.stop("relay-two")).isFalse();
        }
    }
}
