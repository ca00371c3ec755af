package io.eventpipe.admin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.admin.store.Jdbc;
import io.eventpipe.common.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Browser sessions as short-lived JWTs (RFC 7519) signed with EdDSA (RFC 8037) by a key shared by
 * every instance (kept in PostgreSQL). Verification accepts exactly alg EdDSA with this service's
 * key id: "none", HMAC or any other algorithm is refused before anything else is looked at.
 */
public final class SessionTokens {

    static final String ISSUER = "eventpipe-admin";
    private static final String KEY_ID = "session-1";
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final KeyPair keys;
    private final Duration ttl;
    private final Clock clock;

    private SessionTokens(KeyPair keys, Duration ttl, Clock clock) {
        this.keys = keys;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The shared key, created by the first instance that needs it. */
    public static SessionTokens loadOrCreate(Jdbc jdbc, Duration ttl, Clock clock) throws SQLException {
        KeyPair fresh = Ed25519.generate();
        jdbc.update("INSERT INTO session_key (key_id, private_key_der, public_key_der, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (key_id) DO NOTHING", KEY_ID, fresh.getPrivate().getEncoded(), fresh.getPublic().getEncoded(),
                clock.instant());
        List<KeyPair> stored = jdbc.query("SELECT private_key_der, public_key_der FROM session_key WHERE key_id = ?",
                row -> decode(row.getBytes(1), row.getBytes(2)), KEY_ID);
        return new SessionTokens(stored.get(0), ttl, clock);
    }

    private static KeyPair decode(byte[] privateDer, byte[] publicDer) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
            return new KeyPair(publicKey, privateKey);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the stored session key cannot be read", e);
        }
    }

    /** A token and when it stops working. */
    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(String adminId) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        String header = B64.encodeToString(JSON.createObjectNode().put("alg", "EdDSA").put("typ", "JWT").put("kid", KEY_ID)
                .toString().getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(JSON.createObjectNode().put("iss", ISSUER).put("sub", adminId)
                .put("iat", now.getEpochSecond()).put("exp", expires.getEpochSecond()).put("jti", UUID.randomUUID().toString())
                .toString().getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        String signature = B64.encodeToString(Ed25519.sign(keys.getPrivate(), signingInput.getBytes(StandardCharsets.US_ASCII)));
        return new Issued(signingInput + "." + signature, expires);
    }

    /** The admin id the token was issued to, if it is this service's, intact and current. */
    public String verify(String token) throws Denied {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("a session token has three parts");
        }
        JsonNode header = json(parts[0]);
        if (!"EdDSA".equals(header.path("alg").asText()) || !KEY_ID.equals(header.path("kid").asText())) {
            throw invalid("only EdDSA tokens of this service are accepted");
        }
        byte[] signature;
        try {
            signature = B64D.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("the signature is not base64url");
        }
        if (!Ed25519.verify(keys.getPublic(), (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature)) {
            throw invalid("the token's signature does not verify");
        }
        JsonNode claims = json(parts[1]);
        Instant now = clock.instant();
        if (!ISSUER.equals(claims.path("iss").asText()) || !claims.path("sub").isTextual() || !claims.path("exp").canConvertToLong()) {
            throw invalid("the token lacks its issuer, subject or expiry");
        }
        if (Instant.ofEpochSecond(claims.get("exp").asLong()).isBefore(now)) {
            throw new Denied(401, "token_expired", "the session has expired; log in again");
        }
        if (Instant.ofEpochSecond(claims.path("iat").asLong(Long.MAX_VALUE / 2)).isAfter(now.plus(SKEW))) {
            throw invalid("the token was issued in the future");
        }
        return claims.get("sub").asText();
    }

    private static JsonNode json(String part) throws Denied {
        try {
            JsonNode node = JSON.readTree(B64D.decode(part));
            if (node == null || !node.isObject()) {
                throw invalid("a token part is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid("a token part is not base64url JSON");
        }
    }

    private static Denied invalid(String message) {
        return new Denied(401, "invalid_token", message);
    }
}
