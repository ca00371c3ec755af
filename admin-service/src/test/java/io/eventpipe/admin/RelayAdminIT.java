package io.eventpipe.admin;

import io.eventpipe.common.httpsig.SigningClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.ChainValidator;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.pki.RelayStatement;
import io.eventpipe.common.pki.SubjectName;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay management flow on the real PostgreSQL and Kafka: provision (with a QR code), enroll,
 * approve, rotate, revoke, each published root-signed on relays.registry and audited.
 */
@ExtendWith(RealServers.class)
class RelayAdminIT {

    @Test
    void provisionEnrollApproveRotateRevoke(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        String relayId = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()));
             CompactedTopic<RelayRecord> registry = new CompactedTopic<>(servers, Topics.RELAYS_REGISTRY)) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            var provisioned = admin.call("POST", "/v1/admin/relays", "{\"relayId\":\"" + relayId + "\",\"name\":\"Second relay\","
                    + "\"endpoint\":\"https://relay2.example\"}");
            assertThat(provisioned.statusCode()).as(provisioned.body()).isEqualTo(201);
            JsonNode enrollment = SigningClient.json(provisioned).get("enrollment");
            String token = enrollment.get("token").asText();
            assertThat(decodeQr(enrollment.get("qrPng").asText())).isEqualTo(enrollment.get("url").asText()).contains(token);
            assertThat(registry.latest(relayId).getStatus()).isEqualTo(RelayStatus.PROVISIONED);

            KeyPair key = Ed25519.generate();
            assertThat(enroll(admin, relayId, token, key, Ed25519.generate()).statusCode()).as("a key it does not hold").isEqualTo(401);
            var enrolled = enroll(admin, relayId, token, key, key);
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(200);
            var certificate = Pem.certificate(SigningClient.json(enrolled).get("certificate").asText());
            assertThat(new ChainValidator(fixture.root().certificate()).problem(List.of(certificate), Instant.now())).isNull();
            assertThat(SubjectName.of(certificate).orElseThrow().role()).contains(CertificateRole.RELAY);
            assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
            assertThat(enroll(admin, relayId, token, key, key).statusCode()).as("the token is spent").isEqualTo(401);
            assertThat(registry.latest(relayId).getStatus()).isEqualTo(RelayStatus.ENROLLED);

            assertThat(admin.call("POST", "/v1/admin/relays/" + relayId + "/approve", null).statusCode()).isEqualTo(200);
            RelayRecord approved = registry.latest(relayId);
            assertThat(approved.getStatus()).isEqualTo(RelayStatus.APPROVED);
            assertThat(approved.getCertificateFingerprint()).isEqualTo(Credentials.fingerprint(certificate));
            assertThat(statement(approved).verify(fixture.root().certificate().getPublicKey(), approved.getRootSignature())).isTrue();

            String newToken = SigningClient.json(admin.call("POST", "/v1/admin/relays/" + relayId + "/rotate", null))
                    .get("enrollment").get("token").asText();
            KeyPair newKey = Ed25519.generate();
            assertThat(enroll(admin, relayId, newToken, newKey, newKey).statusCode()).isEqualTo(200);
            RelayRecord rotated = registry.latest(relayId);
            assertThat(rotated.getStatus()).isEqualTo(RelayStatus.APPROVED);
            assertThat(rotated.getCertificateFingerprint()).isNotEqualTo(approved.getCertificateFingerprint());

            var revoked = admin.call("POST", "/v1/admin/relays/" + relayId + "/revoke", "{\"reason\":\"key compromise\"}");
            assertThat(SigningClient.json(revoked).get("status").asText()).isEqualTo("REVOKED");
            RelayRecord last = registry.latest(relayId);
            assertThat(last.getStatus()).isEqualTo(RelayStatus.REVOKED);
            assertThat(last.getRevokedAt()).isNotNull();
            assertThat(last.getRevocationReason()).isEqualTo("key compromise");
            assertThat(statement(last).verify(fixture.root().certificate().getPublicKey(), last.getRootSignature())).isTrue();
            assertThat(admin.call("POST", "/v1/admin/relays/" + relayId + "/rotate", null).statusCode()).isEqualTo(409);

            String audit = admin.call("GET", "/v1/admin/audit?limit=100", null).body();
            assertThat(audit).contains("relay.provision", "relay.enroll", "relay.approve", "relay.rotate", "relay.revoke")
                    .doesNotContain(token, newToken);
            assertThat(admin.unsigned("POST", "/v1/admin/relays", "{\"relayId\":\"x1\",\"name\":\"x\"}", Map.of()).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void withoutAProvisionerALaunchIsRefusedAndNothingIsProvisioned(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            var launch = admin.call("POST", "/v1/admin/relays", "{\"relayId\":\"relay-launched\",\"name\":\"L\",\"launch\":true}");
            assertThat(launch.statusCode()).as(launch.body()).isEqualTo(409);
            assertThat(SigningClient.json(launch).get("error").asText()).isEqualTo("not_provisionable");
            assertThat(admin.call("GET", "/v1/admin/relays/relay-launched", null).statusCode()).isEqualTo(404);
            var both = admin.call("POST", "/v1/admin/relays",
                    "{\"relayId\":\"relay-both\",\"name\":\"B\",\"launch\":true,\"endpoint\":\"https://b.example\"}");
            assertThat(both.statusCode()).as(both.body()).isEqualTo(422);
            var manual = admin.call("POST", "/v1/admin/relays", "{\"relayId\":\"relay-manual\",\"name\":\"M\"}");
            assertThat(admin.call("POST", "/v1/admin/relays/relay-manual/start", null).statusCode()).as(manual.body()).isEqualTo(409);
        }
    }

    private static java.net.http.HttpResponse<String> enroll(SigningClient admin, String relayId, String token, KeyPair key,
                                                            KeyPair signer) throws Exception {
        String signature = Base64.getEncoder().encodeToString(Ed25519.sign(signer.getPrivate(), token.getBytes(StandardCharsets.UTF_8)));
        return admin.unsigned("POST", "/v1/relays/enroll", "{\"relayId\":\"" + relayId + "\",\"token\":\"" + token
                + "\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(Ed25519.raw(key.getPublic())) + "\",\"signature\":\""
                + signature + "\"}", Map.of());
    }

    private static RelayStatement statement(RelayRecord record) {
        return new RelayStatement(record.getRelayId(), record.getName(), record.getStatus().name(), record.getEndpoint(),
                record.getCertificateFingerprint(), record.getUpdatedAt());
    }

    private static String decodeQr(String pngBase64) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(pngBase64)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }


}
