package io.eventpipe.admin.relays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.admin.kafka.ControlPlanePublisher;
import io.eventpipe.admin.pki.RootOfTrust;
import io.eventpipe.admin.relays.provisioning.ProvisioningException;
import io.eventpipe.admin.relays.provisioning.RelayProvisioner;
import io.eventpipe.avro.RelayRecord;
import io.eventpipe.avro.RelayStatus;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.pki.Credentials;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.pki.RelayStatement;
import io.eventpipe.schemas.labels.LabelConfigCheck;
import io.eventpipe.web.JsonResponses;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The relay management flow: provision (identity and a one-time enrollment token, also as a QR
 * code), enroll (the relay proves its key with the token and gets its certificate), approve,
 * revoke, rotate. Each step is published, signed by the root, to the compacted relays.registry,
 * which every relay and processor follows; Kafka ACLs follow approval and revocation.
 */
public final class RelayService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TOKEN_TTL = Duration.ofHours(24);

    private final RelayStore store;
    private final RootOfTrust root;
    private final ControlPlanePublisher publisher;
    private final RelayAccess access;
    private final Duration certificateValidity;
    private final String publicUrl;
    private final RelayProvisioner provisioner;
    private final Clock clock;

    public RelayService(RelayStore store, RootOfTrust root, ControlPlanePublisher publisher, RelayAccess access,
                        Duration certificateValidity, String publicUrl, RelayProvisioner provisioner, Clock clock) {
        this.store = store;
        this.root = root;
        this.publisher = publisher;
        this.access = access;
        this.certificateValidity = certificateValidity;
        this.publicUrl = publicUrl;
        this.provisioner = provisioner;
        this.clock = clock;
    }

    /**
     * POST /v1/admin/relays {relayId, name, endpoint | launch: true}. Launched, the relay gets its
     * token from the provisioner and the answer does not show it; otherwise the answer carries the
     * token for its operator, as text, URL and QR code.
     */
    public ObjectNode provision(JsonNode request) throws Exception {
        String relayId = request == null ? null : request.path("relayId").asText(null);
        String name = request == null ? "" : request.path("name").asText("");
        if (!LabelConfigCheck.isValidId(relayId) || name.isBlank() || name.length() > 200) {
            throw problem(422, "invalid_relay", "relayId is 2 to 64 of a-z, 0-9 and -; name is non-empty");
        }
        boolean launch = request.path("launch").asBoolean(false);
        if (launch && request.hasNonNull("endpoint")) {
            throw problem(422, "invalid_relay", "a launched relay's endpoint is chosen by the provisioner; send launch or endpoint");
        }
        if (store.find(relayId).isPresent()) {
            throw problem(409, "relay_exists", "relay " + relayId + " exists; rotate it for a new enrollment");
        }
        String endpoint = launch ? provisioned(() -> provisioner.reserveEndpoint(relayId)) : request.path("endpoint").asText(null);
        String token = newToken();
        Instant now = clock.instant();
        store.provision(relayId, name, endpoint, hash(token), now.plus(TOKEN_TTL), now);
        publish(relayId);
        if (launch) {
            provisioned(() -> provisioner.launch(relayId, token));
            return view(relayId);
        }
        return view(relayId).set("enrollment", enrollment(relayId, token, now.plus(TOKEN_TTL)));
    }

    /** POST /v1/admin/relays/{id}/start: a relay launched here before, started again. */
    public ObjectNode start(String relayId) throws Exception {
        if ("REVOKED".equals(existing(relayId).status())) {
            throw problem(409, "relay_revoked", "a revoked relay is not started again");
        }
        provisioned(() -> provisioner.restart(relayId));
        return view(relayId);
    }

    /** POST /v1/admin/relays/{id}/stop: its process stopped (it stays approved or revoked as it was). */
    public ObjectNode stop(String relayId) throws Exception {
        existing(relayId);
        provisioner.stop(relayId);
        return view(relayId);
    }

    /** At start of admin-service: the relays launched here that may serve are started again. */
    public void resumeLaunched() throws SQLException {
        provisioner.resume(store.all().stream().filter(r -> "ENROLLED".equals(r.status()) || "APPROVED".equals(r.status()))
                .map(RelayStore.Relay::relayId).toList());
    }

    private interface ProvisionerCall<T> {
        T call() throws ProvisioningException;
    }

    private static <T> T provisioned(ProvisionerCall<T> call) throws ApiProblem {
        try {
            return call.call();
        } catch (ProvisioningException e) {
            throw problem(e.isConflict() ? 409 : 500, e.isConflict() ? "not_provisionable" : "launch_failed", e.getMessage());
        }
    }

    /** A new one-time enrollment token for an existing relay (key rotation). */
    public ObjectNode rotate(String relayId) throws Exception {
        RelayStore.Relay relay = existing(relayId);
        if ("REVOKED".equals(relay.status())) {
            throw problem(409, "relay_revoked", "a revoked relay cannot enroll again; provision a new one");
        }
        String token = newToken();
        Instant now = clock.instant();
        store.newToken(relayId, hash(token), now.plus(TOKEN_TTL), now);
        if (provisioner.status(relayId).isPresent()) {
            // launched here: the provisioner hands the token to the relay, which enrolls a new key
            provisioned(() -> provisioner.reenroll(relayId, token));
            return view(relayId);
        }
        return view(relayId).set("enrollment", enrollment(relayId, token, now.plus(TOKEN_TTL)));
    }

    /** POST /v1/relays/enroll {relayId, token, publicKey, signature}: the token is spent, the relay gets its certificate. */
    public ObjectNode enroll(JsonNode request) throws Exception {
        String relayId = request == null ? "" : request.path("relayId").asText("");
        String token = request == null ? "" : request.path("token").asText("");
        PublicKey key;
        byte[] signature;
        try {
            key = Ed25519.publicKey(Base64.getDecoder().decode(request.path("publicKey").asText("")));
            signature = Base64.getDecoder().decode(request.path("signature").asText(""));
        } catch (IllegalArgumentException e) {
            throw problem(400, "invalid_request", "publicKey and signature are base64 (32-byte Ed25519 key, its signature of the token)");
        }
        if (!Ed25519.verify(key, token.getBytes(StandardCharsets.UTF_8), signature)) {
            throw problem(401, "bad_signature", "the signature does not prove possession of the key");
        }
        X509Certificate certificate = root.issueRelay(relayId, key, certificateValidity);
        if (!store.enroll(relayId, hash(token), Pem.encode(certificate), Credentials.fingerprint(certificate), clock.instant())) {
            throw problem(401, "invalid_token", "the enrollment token is unknown, expired or spent");
        }
        publish(relayId);
        return JsonResponses.JSON.createObjectNode().put("relayId", relayId).put("certificate", Pem.encode(certificate))
                .put("root", Pem.encode(root.certificate())).put("expiresAt", certificate.getNotAfter().toInstant().toString());
    }

    public ObjectNode approve(String relayId) throws Exception {
        RelayStore.Relay relay = existing(relayId);
        if (!"ENROLLED".equals(relay.status()) && !"APPROVED".equals(relay.status())) {
            throw problem(409, "not_enrolled", "relay " + relayId + " is " + relay.status() + "; it must enroll before approval");
        }
        access.grant(relayId);
        store.approve(relayId, clock.instant());
        publish(relayId);
        return view(relayId);
    }

    public ObjectNode revoke(String relayId, String reason) throws Exception {
        existing(relayId);
        store.revoke(relayId, reason == null || reason.isBlank() ? "revoked by an administrator" : reason, clock.instant());
        publish(relayId);
        access.withdraw(relayId);
        return view(relayId);
    }

    public com.fasterxml.jackson.databind.node.ArrayNode list() throws Exception {
        var list = JsonResponses.JSON.createArrayNode();
        for (RelayStore.Relay relay : store.all()) {
            list.add(view(relay.relayId()));
        }
        return list;
    }

    public ObjectNode view(String relayId) throws Exception {
        RelayStore.Relay relay = existing(relayId);
        ObjectNode view = JsonResponses.JSON.createObjectNode().put("relayId", relay.relayId()).put("name", relay.name())
                .put("endpoint", relay.endpoint()).put("status", relay.status()).put("certificateFingerprint", relay.fingerprint())
                .put("createdAt", relay.createdAt().toString())
                .put("approvedAt", relay.approvedAt() == null ? null : relay.approvedAt().toString())
                .put("revokedAt", relay.revokedAt() == null ? null : relay.revokedAt().toString())
                .put("revocationReason", relay.revocationReason());
        provisioner.status(relayId).ifPresent(launched -> view.putObject("process").put("provisioner", provisioner.kind())
                .put("pid", launched.pid()).put("running", launched.running()));
        return view;
    }

    private void publish(String relayId) throws Exception {
        RelayStore.Relay relay = existing(relayId);
        RelayStatement statement = new RelayStatement(relayId, relay.name(), relay.status(), relay.endpoint(), relay.fingerprint(),
                relay.updatedAt());
        publisher.relay(relayId, RelayRecord.newBuilder().setRelayId(relayId).setName(relay.name())
                .setStatus(RelayStatus.valueOf(relay.status())).setEndpoint(relay.endpoint()).setCertificatePem(relay.certificatePem())
                .setCertificateFingerprint(relay.fingerprint()).setApprovedAt(relay.approvedAt()).setRevokedAt(relay.revokedAt())
                .setRevocationReason(relay.revocationReason()).setUpdatedAt(relay.updatedAt())
                .setRootSignature(statement.sign(root.signingKey())).build());
    }

    private ObjectNode enrollment(String relayId, String token, Instant expires) {
        String url = publicUrl + "/v1/relays/enroll?relayId=" + relayId + "&token=" + token;
        return JsonResponses.JSON.createObjectNode().put("token", token).put("url", url).put("expiresAt", expires.toString())
                .put("qrPng", Base64.getEncoder().encodeToString(QrCodes.png(url)));
    }

    private RelayStore.Relay existing(String relayId) throws SQLException, ApiProblem {
        return store.find(relayId).orElseThrow(() -> problem(404, "not_found", "no relay " + relayId));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        return Hex.encode(Sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static ApiProblem problem(int status, String code, String message) {
        return new ApiProblem(status, JsonResponses.error(code, message));
    }
}
