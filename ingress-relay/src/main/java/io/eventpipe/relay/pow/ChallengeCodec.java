package io.eventpipe.relay.pow;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless challenge tokens: {@code v1.EXPIRES.DIFFICULTY.RANDOM.MAC}, the MAC an HMAC-SHA256
 * over the rest with a secret all relays share, so any relay checks any relay's challenge
 * without storage. ASCII only, so the token hashes the same on every client.
 */
public final class ChallengeCodec {

    private static final String VERSION = "v1";
    private static final int RANDOM_BYTES = 16;
    private static final int MIN_SECRET_BYTES = 32;
    private static final int MAX_TOKEN_CHARS = 200;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public ChallengeCodec(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the proof-of-work secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public Challenge issue(int difficulty, Instant expiresAt) {
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        String payload = VERSION + "." + expiresAt.getEpochSecond() + "." + difficulty + "." + B64.encodeToString(nonce);
        return new Challenge(payload + "." + B64.encodeToString(mac(payload)), difficulty, expiresAt);
    }

    /** The challenge the token stands for, or null when it is not one of ours (malformed or forged). */
    public Challenge decode(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return null;
        }
        int macStart = token.lastIndexOf('.');
        if (macStart < 0) {
            return null;
        }
        String payload = token.substring(0, macStart);
        byte[] claimed;
        try {
            claimed = Base64.getUrlDecoder().decode(token.substring(macStart + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(claimed, mac(payload))) {
            return null;
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return null;
        }
        try {
            return new Challenge(token, Integer.parseInt(parts[2]), Instant.ofEpochSecond(Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
