package io.eventpipe.launcher.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.stack.Await;
import io.eventpipe.stack.HttpProbe;
import io.eventpipe.testkit.DeviceClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * Issue 6's relay management flow in the local stack, end to end: an admin provisions a relay
 * with launch: true; the local provisioner starts a relay process that enrolls with its one-time
 * token; once approved it serves devices; once revoked, its devices are refused everywhere and
 * nothing it sends reaches the pipeline.
 */
final class ProvisionedRelayScenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

    private final DevStackProbe probe;
    private final Function<String, String> event;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ProvisionedRelayScenario(DevStackProbe probe, Function<String, String> event) {
        this.probe = probe;
        this.event = event;
    }

    void run() throws Exception {
        String relayId = "relay-field-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> provisioned = probe.asFirstAdmin("POST", "/v1/admin/relays",
                "{\"relayId\":\"" + relayId + "\",\"name\":\"Field relay\",\"launch\":true}");
        assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
        JsonNode relay = JSON.readTree(provisioned.body());
        assertThat(relay.has("enrollment")).as("the token went to the launched relay only").isFalse();
        assertThat(relay.get("process").get("running").asBoolean()).isTrue();
        String endpoint = relay.get("endpoint").asText();

        Await.until(relayId + " enrolled by itself", STEP_TIMEOUT, () -> "ENROLLED".equals(status(relayId)));
        assertThat(HttpProbe.isOk(endpoint + "/ready")).as("an unapproved relay does not serve").isFalse();
        HttpResponse<String> approved = probe.asFirstAdmin("POST", "/v1/admin/relays/" + relayId + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        Await.until(relayId + " serving once approved", STEP_TIMEOUT, () -> HttpProbe.isOk(endpoint + "/ready"));

        DeviceClient device = new DeviceClient(endpoint);
        JsonNode registration = device.register();
        assertThat(registration.get("chain")).hasSize(2);
        JsonNode accepted = JSON.readTree(device.postEvent(event.apply(UUID.randomUUID().toString())).body());
        assertThat(accepted.get("status").asText()).as(accepted.toString()).isEqualTo("ACCEPTED");
        Await.until("the local relay to list " + relayId, STEP_TIMEOUT, () -> DevStackProbe.call(() -> get(probe.relay() + "/v1/relays"))
                .contains(endpoint));

        DeviceClient certifiedByNewKey = rotate(relayId, endpoint);

        HttpResponse<String> revoked = probe.asFirstAdmin("POST", "/v1/admin/relays/" + relayId + "/revoke",
                "{\"reason\":\"stolen laptop\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        DeviceClient elsewhere = device.presentingAs(probe.relay(), device.deviceId());
        Await.until("the device refused at the local relay", STEP_TIMEOUT, () -> DevStackProbe.call(
                () -> elsewhere.postEvent(event.apply(UUID.randomUUID().toString())).statusCode()) == 403);
        HttpResponse<String> refused = elsewhere.postEvent(event.apply(UUID.randomUUID().toString()));
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("revoked_certificate");
        HttpResponse<String> newKeyRefused = certifiedByNewKey.presentingAs(probe.relay(), certifiedByNewKey.deviceId())
                .postEvent(event.apply(UUID.randomUUID().toString()));
        assertThat(newKeyRefused.statusCode()).as("devices of every key the relay had are refused").isEqualTo(403);
        // at the revoked relay itself: refused (it saw its revocation) or unable to publish (its ACLs are gone), never accepted
        HttpResponse<String> atRevoked = device.postEvent(event.apply(UUID.randomUUID().toString()));
        assertThat(atRevoked.statusCode()).as(atRevoked.body()).isIn(403, 503);
        HttpResponse<String> newDevice = new DeviceClient(endpoint).tryRegister();
        assertThat(newDevice.statusCode()).as(newDevice.body()).isIn(403, 503);
        assertThat(DevStackProbe.call(() -> get(probe.relay() + "/v1/relays"))).doesNotContain(endpoint);
        String audit = probe.asFirstAdmin("GET", "/v1/admin/audit?limit=200", null).body();
        assertThat(audit).contains("relay.provision", "relay.approve", "relay.revoke", "relay.enroll");
    }

    /**
     * Key rotation of a launched relay: the provisioner hands the new token to the relay, which
     * enrolls a new key and serves again (still approved); devices it certifies now chain to the new key.
     */
    private DeviceClient rotate(String relayId, String endpoint) throws Exception {
        String before = JSON.readTree(probe.asFirstAdmin("GET", "/v1/admin/relays/" + relayId, null).body())
                .get("certificateFingerprint").asText();
        HttpResponse<String> rotated = probe.asFirstAdmin("POST", "/v1/admin/relays/" + relayId + "/rotate", null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(JSON.readTree(rotated.body()).has("enrollment")).isFalse();
        Await.until(relayId + " enrolled with a new key", STEP_TIMEOUT, () -> !before.equals(DevStackProbe.call(() -> JSON.readTree(
                probe.asFirstAdmin("GET", "/v1/admin/relays/" + relayId, null).body()).get("certificateFingerprint").asText())));
        Await.until(relayId + " serving with its new key", STEP_TIMEOUT, () -> HttpProbe.isOk(endpoint + "/ready"));
        DeviceClient device = new DeviceClient(endpoint);
        device.register();
        JsonNode accepted = JSON.readTree(device.postEvent(event.apply(UUID.randomUUID().toString())).body());
        assertThat(accepted.get("status").asText()).as(accepted.toString()).isEqualTo("ACCEPTED");
        return device;
    }

    private String status(String relayId) {
        return DevStackProbe.call(() -> JSON.readTree(probe.asFirstAdmin("GET", "/v1/admin/relays/" + relayId, null).body())
                .get("status").asText());
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
