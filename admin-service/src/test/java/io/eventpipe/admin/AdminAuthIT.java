package io.eventpipe.admin;

import io.eventpipe.common.httpsig.SigningClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.admin.auth.SessionTokens;
import io.eventpipe.admin.store.Jdbc;
import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.pki.CertificateRole;
import io.eventpipe.common.pki.ChainValidator;
import io.eventpipe.common.pki.Pem;
import io.eventpipe.common.pki.SubjectName;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Admin identity on the real PostgreSQL: the first admin, signed requests, login sessions, and every way in that must fail. */
@ExtendWith(RealServers.class)
class AdminAuthIT {

    @Test
    void theFirstStartMakesOneAdminWhoseCredentialsOnlyTheServiceUserCanRead(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        Path credentials;
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            credentials = app.bootstrapCredentials().orElseThrow();
            assertThat(credentials).isEqualTo(dir.resolve("admin").resolve("bootstrap-admin.json"));
            assertThat(Files.getPosixFilePermissions(credentials))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(credentials));
        var certificate = Pem.certificate(file.get("certificate").asText());
        assertThat(new ChainValidator(fixture.root().certificate()).problem(List.of(certificate), Instant.now())).isNull();
        assertThat(SubjectName.of(certificate).orElseThrow().role()).contains(CertificateRole.ADMIN);
        assertThat(SubjectName.of(certificate).orElseThrow().commonName()).isEqualTo(file.get("adminId").asText());
        try (AdminApp again = AdminApp.start(fixture.config(Map.of()))) {
            assertThat(again.bootstrapCredentials()).isEmpty();
        }
    }

    @Test
    void signedRequestsAndSessionsLetAdminsInAndNothingElse(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            String base = "http://127.0.0.1:" + app.port();
            SigningClient admin = SigningClient.fromAdminCredentials(base, app.bootstrapCredentials().orElseThrow());

            var unauthenticated = admin.unsigned("GET", "/v1/admin/me", null, Map.of());
            assertThat(unauthenticated.statusCode()).isEqualTo(401);
            assertThat(SigningClient.json(unauthenticated).get("error").asText()).isEqualTo("unauthenticated");

            var signed = admin.signed("GET", "/v1/admin/me", null);
            var me = admin.send(signed);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(SigningClient.json(me).get("via").asText()).isEqualTo("signature");
            assertThat(admin.send(signed).statusCode()).as("the same signature again").isEqualTo(409);

            SigningClient impostor = new SigningClient(base, admin.keyId(), Ed25519.generate().getPrivate());
            assertThat(SigningClient.json(impostor.call("GET", "/v1/admin/me", null)).get("error").asText()).isEqualTo("bad_signature");
            SigningClient stranger = new SigningClient(base, "admin-nobody", Ed25519.generate().getPrivate());
            assertThat(stranger.call("GET", "/v1/admin/me", null).statusCode()).isEqualTo(401);
            var elsewhere = admin.signed("GET", "/v1/admin/me", null).uri(java.net.URI.create(base + "/v1/admin/audit"));
            assertThat(admin.send(elsewhere).statusCode()).as("a signature for another target").isEqualTo(401);

            String token = login(admin);
            var viaSession = admin.unsigned("GET", "/v1/admin/me", null, Map.of("Authorization", "Bearer " + token));
            assertThat(SigningClient.json(viaSession).get("via").asText()).isEqualTo("session");
            for (String forged : forgeries(token)) {
                var refused = admin.unsigned("GET", "/v1/admin/me", null, Map.of("Authorization", "Bearer " + forged));
                assertThat(refused.statusCode()).as(forged).isEqualTo(401);
            }
            assertThat(bearer(admin, expiredToken(fixture, admin.keyId())).get("error").asText()).isEqualTo("token_expired");

            var body = admin.call("GET", "/v1/admin/audit?action=login", null).body();
            assertThat(body).contains("\"outcome\":\"ok\"").doesNotContain(token);
        }
    }

    @Test
    void loginChallengesAreSingleUseAndBoundToTheirAdmin(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            String challenge = SigningClient.json(admin.unsigned("POST", "/v1/admin/login/challenge",
                    "{\"adminId\":\"" + admin.keyId() + "\"}", Map.of())).get("challenge").asText();
            String wrongKey = answer(admin.keyId(), challenge, Ed25519.generate().getPrivate());
            assertThat(SigningClient.json(admin.unsigned("POST", "/v1/admin/login", wrongKey, Map.of())).get("error").asText())
                    .isEqualTo("bad_signature");
            String right = answer(admin.keyId(), challenge, admin.key());
            assertThat(admin.unsigned("POST", "/v1/admin/login", right, Map.of()).statusCode()).isEqualTo(200);
            assertThat(SigningClient.json(admin.unsigned("POST", "/v1/admin/login", right, Map.of())).get("error").asText())
                    .isEqualTo("unknown_challenge");
            assertThat(admin.unsigned("POST", "/v1/admin/login", "not json", Map.of()).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void theAuditLogCannotBeRewritten(TestServers servers, @TempDir Path dir) throws Exception {
        AdminFixture fixture = new AdminFixture(servers, dir);
        try (AdminApp app = AdminApp.start(fixture.config(Map.of()))) {
            SigningClient admin = AdminFixture.firstAdmin(app);
            login(admin);
            PGSimpleDataSource db = new PGSimpleDataSource();
            db.setURL(fixture.jdbcUrl());
            db.setCurrentSchema(io.eventpipe.admin.store.Database.SCHEMA);
            try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("UPDATE audit_log SET outcome = 'forged'")).hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.execute("DELETE FROM audit_log")).hasMessageContaining("append-only");
            }
        }
    }

    static String login(SigningClient admin) throws Exception {
        String challenge = SigningClient.json(admin.unsigned("POST", "/v1/admin/login/challenge",
                "{\"adminId\":\"" + admin.keyId() + "\"}", Map.of())).get("challenge").asText();
        var answer = admin.unsigned("POST", "/v1/admin/login", answer(admin.keyId(), challenge, admin.key()), Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return SigningClient.json(answer).get("token").asText();
    }

    private static String answer(String adminId, String challenge, java.security.PrivateKey key) {
        String signature = Base64.getEncoder().encodeToString(Ed25519.sign(key, challenge.getBytes(StandardCharsets.UTF_8)));
        return "{\"adminId\":\"" + adminId + "\",\"challenge\":\"" + challenge + "\",\"signature\":\"" + signature + "\"}";
    }

    private static JsonNode bearer(SigningClient admin, String token) throws Exception {
        return SigningClient.json(admin.unsigned("GET", "/v1/admin/me", null, Map.of("Authorization", "Bearer " + token)));
    }

    /** The token altered in every way an attacker would try: claims, algorithm confusion, stripped signature. */
    private static List<String> forgeries(String token) {
        String[] parts = token.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String otherClaims = b64.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"", "\"sub\":\"x").getBytes(StandardCharsets.UTF_8));
        String none = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String hmac = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"session-1\"}".getBytes(StandardCharsets.UTF_8));
        return List.of(parts[0] + "." + otherClaims + "." + parts[2], none + "." + parts[1] + ".", hmac + "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + ".", parts[0] + "." + parts[1], "garbage");
    }

    /** A token signed with the service's own key two hours ago, for 15 minutes. */
    private static String expiredToken(AdminFixture fixture, String adminId) throws Exception {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL(fixture.jdbcUrl());
        db.setCurrentSchema(io.eventpipe.admin.store.Database.SCHEMA);
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        return SessionTokens.loadOrCreate(new Jdbc(db), Duration.ofMinutes(15), past).issue(adminId).token();
    }
}
