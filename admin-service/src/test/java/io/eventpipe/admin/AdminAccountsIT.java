package io.eventpipe.admin;

import io.eventpipe.common.httpsig.SigningClient;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.ChainValidator;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.pki.SubjectName;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Admins adding and revoking admins on the real PostgreSQL: a revoked admin is refused at once, sessions included. */
@ExtendWith(RealServers.class)
class AdminAccountsIT {

    private static String addition(String adminId, KeyPair key) {
        return "{\"adminId\":\"" + adminId + "\",\"name\":\"Second admin\",\"publicKey\":\""
                + Base64.getEncoder().encodeToString(Ed25519.raw(key.getPublic())) + "\"}";
    }

    @Test
    void anAdminAddsAnotherWhoWorksUntilRevoked(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            String url = "http://127.0.0.1:" + app.port();
            SigningClient first = SigningClient.fromAdminCredentials(url, app.bootstrapCredentials().orElseThrow());
            KeyPair key = Ed25519.generate();
            var added = first.call("POST", "/v1/admin/admins", addition("analyst-ann", key));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            var certificate = Pem.certificate(SigningClient.json(added).get("certificate").asText());
            assertThat(new ChainValidator(fixture.root().certificate()).problem(List.of(certificate), Instant.now())).isNull();
            assertThat(SubjectName.of(certificate).orElseThrow().role()).contains(CertificateRole.ADMIN);
            assertThat(added.body()).doesNotContain("PRIVATE KEY");
            assertThat(first.call("POST", "/v1/admin/admins", addition("analyst-ann", Ed25519.generate())).statusCode()).isEqualTo(409);
            assertThat(first.call("POST", "/v1/admin/admins", "{\"adminId\":\"x-y\",\"name\":\"n\",\"publicKey\":\"AAAA\"}")
                    .statusCode()).isEqualTo(422);

            SigningClient second = new SigningClient(url, "analyst-ann", key.getPrivate());
            assertThat(second.call("GET", "/v1/admin/me", null).statusCode()).isEqualTo(200);
            String session = AdminAuthIT.login(second);
            assertThat(second.call("POST", "/v1/admin/admins/analyst-ann/revoke", null).statusCode()).as("nobody revokes oneself")
                    .isEqualTo(409);

            var revoked = first.call("POST", "/v1/admin/admins/analyst-ann/revoke", "{\"reason\":\"left the team\"}");
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            assertThat(SigningClient.json(revoked).get("active").asBoolean()).isFalse();
            var signed = second.call("GET", "/v1/admin/me", null);
            assertThat(signed.statusCode()).isEqualTo(403);
            assertThat(SigningClient.json(signed).get("error").asText()).isEqualTo("revoked_admin");
            assertThat(second.unsigned("GET", "/v1/admin/me", null, Map.of("Authorization", "Bearer " + session)).statusCode())
                    .as("the session of a revoked admin ends with it").isEqualTo(403);
            assertThat(second.call("POST", "/v1/admin/admins/" + first.keyId() + "/revoke", null).statusCode()).isEqualTo(403);
            assertThat(first.call("POST", "/v1/admin/admins/analyst-ann/revoke", null).statusCode()).isEqualTo(409);

            // the first admin is now the only active one: a third admin cannot remove it
            KeyPair thirdKey = Ed25519.generate();
            first.call("POST", "/v1/admin/admins", addition("ops-olga", thirdKey));
            SigningClient third = new SigningClient(url, "ops-olga", thirdKey.getPrivate());
            assertThat(third.call("POST", "/v1/admin/admins/" + first.keyId() + "/revoke", null).statusCode()).isEqualTo(200);
            var last = first.call("GET", "/v1/admin/me", null);
            assertThat(last.statusCode()).isEqualTo(403);
            var lastOne = third.call("POST", "/v1/admin/admins/ops-olga/revoke", null);
            assertThat(lastOne.statusCode()).isEqualTo(409);
            assertThat(SigningClient.json(lastOne).get("error").asText()).isEqualTo("self_revocation");

            String audit = third.call("GET", "/v1/admin/audit?action=admin.revoke", null).body();
            assertThat(audit).contains("analyst-ann", first.keyId(), "left the team");
            assertThat(SigningClient.json(third.call("GET", "/v1/admin/admins", null)).get("admins")).hasSize(3);
        }
    }

    /** A key with a certificate of another role (relay, device) is no admin, even if an account names it. */
    @Test
    void aCertificateOfAnotherRoleIsNoAdminCertificate(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            KeyPair key = Ed25519.generate();
            var relayCertificate = new io.eventpipe.common.pki.CertificateIssuer(fixture.root(), java.time.Clock.systemUTC())
                    .issue("relay-posing", key.getPublic(), CertificateRole.RELAY, java.time.Duration.ofDays(1));
            try (var connection = java.sql.DriverManager.getConnection(fixture.jdbcUrl(), "postgres", "");
                 var insert = connection.prepareStatement("INSERT INTO admin.admin_account (admin_id, name, certificate_pem, "
                         + "fingerprint, created_at, created_by) VALUES (?, ?, ?, ?, now(), 'test')")) {
                insert.setString(1, "relay-posing");
                insert.setString(2, "a relay's certificate");
                insert.setString(3, Pem.encode(relayCertificate));
                insert.setString(4, io.eventpipe.common.pki.Credentials.fingerprint(relayCertificate));
                insert.executeUpdate();
            }
            var refused = new SigningClient("http://127.0.0.1:" + app.port(), "relay-posing", key.getPrivate())
                    .call("GET", "/v1/admin/me", null);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(SigningClient.json(refused).get("error").asText()).isEqualTo("not_an_admin");
            var stranger = new SigningClient("http://127.0.0.1:" + app.port(), "dev-0123", Ed25519.generate().getPrivate())
                    .call("GET", "/v1/admin/me", null);
            assertThat(stranger.statusCode()).as("a device key is nobody here").isEqualTo(401);
        }
    }
}
