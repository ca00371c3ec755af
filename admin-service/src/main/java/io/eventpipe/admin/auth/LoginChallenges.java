package io.eventpipe.admin.auth;

import io.eventpipe.admin.store.Jdbc;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Login challenges for the browser app: random, bound to one admin, short-lived, usable once. */
public final class LoginChallenges {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;
    private final Duration ttl;
    private final Clock clock;

    public LoginChallenges(Jdbc jdbc, Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A challenge and until when it can be answered. */
    public record Challenge(String value, Instant expiresAt) {
    }

    public Challenge issue(String adminId) throws SQLException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Challenge challenge = new Challenge("eventpipe-admin-login:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                clock.instant().plus(ttl));
        jdbc.update("INSERT INTO login_challenge (challenge, admin_id, expires_at) VALUES (?, ?, ?)", challenge.value(), adminId,
                challenge.expiresAt());
        jdbc.update("DELETE FROM login_challenge WHERE expires_at < ?", clock.instant().minus(Duration.ofHours(1)));
        return challenge;
    }

    /** True once for an issued, unexpired challenge of this admin; false afterwards and for anything else. */
    public boolean consume(String adminId, String challenge) throws SQLException {
        Instant now = clock.instant();
        return jdbc.update("UPDATE login_challenge SET used_at = ? WHERE challenge = ? AND admin_id = ? AND used_at IS NULL "
                + "AND expires_at > ?", now, challenge, adminId, now) == 1;
    }
}
