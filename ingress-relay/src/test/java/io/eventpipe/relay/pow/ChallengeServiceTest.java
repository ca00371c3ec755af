package io.eventpipe.relay.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.testkit.DeviceClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChallengeServiceTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

    private final AtomicLong issued = new AtomicLong();
    private final ChallengeService service = new ChallengeService(new ChallengeCodec(SECRET),
            new Difficulty(8, 12, 100, issued::incrementAndGet), Duration.ofMinutes(2), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSolvedChallengeIsValid() {
        Challenge challenge = service.issue();
        assertThat(challenge.difficulty()).isEqualTo(8);
        assertThat(challenge.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(challenge.token()).matches("[A-Za-z0-9._-]+");
        String nonce = DeviceClient.solve(challenge.token(), challenge.difficulty());
        assertThat(ProofOfWork.leadingZeroBits(challenge.token(), nonce)).isGreaterThanOrEqualTo(8);
        assertThat(service.check(challenge.token(), nonce)).isEqualTo(ChallengeService.Verdict.VALID);
    }

    @Test
    void wrongNoncesForgeriesAndExpiryAreRefused() {
        Challenge challenge = service.issue();
        String nonce = DeviceClient.solve(challenge.token(), 8);
        String wrong = DeviceClient.nonceBelow(challenge.token(), 8);
        assertThat(service.check(challenge.token(), wrong)).isEqualTo(ChallengeService.Verdict.INSUFFICIENT_WORK);
        assertThat(service.check(challenge.token(), "-1")).isEqualTo(ChallengeService.Verdict.INSUFFICIENT_WORK);
        assertThat(service.check(challenge.token(), "1".repeat(21))).isEqualTo(ChallengeService.Verdict.INSUFFICIENT_WORK);

        String easier = challenge.token().replaceFirst("\\.8\\.", ".0.");
        assertThat(service.check(easier, "0")).isEqualTo(ChallengeService.Verdict.INVALID);
        ChallengeCodec otherSecret = new ChallengeCodec("another secret of thirty-two bytes".getBytes());
        Challenge forged = otherSecret.issue(0, NOW.plusSeconds(60));
        assertThat(service.check(forged.token(), "0")).isEqualTo(ChallengeService.Verdict.INVALID);
        assertThat(service.check("garbage", "0")).isEqualTo(ChallengeService.Verdict.INVALID);
        assertThat(service.check(null, "0")).isEqualTo(ChallengeService.Verdict.INVALID);

        ChallengeService later = new ChallengeService(new ChallengeCodec(SECRET), new Difficulty(8, 8, 1, () -> 0),
                Duration.ofMinutes(2), Clock.fixed(NOW.plus(Duration.ofMinutes(2)), ZoneOffset.UTC));
        assertThat(later.check(challenge.token(), nonce)).isEqualTo(ChallengeService.Verdict.EXPIRED);
    }

    @Test
    void difficultyRisesOneBitPerDoublingWithinBounds() {
        Difficulty difficulty = new Difficulty(16, 20, 100, () -> 0);
        assertThat(difficulty.forRate(0)).isEqualTo(16);
        assertThat(difficulty.forRate(100)).isEqualTo(16);
        assertThat(difficulty.forRate(200)).isEqualTo(17);
        assertThat(difficulty.forRate(800)).isEqualTo(19);
        assertThat(difficulty.forRate(1_000_000)).isEqualTo(20);
        assertThatThrownBy(() -> new Difficulty(20, 16, 100, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new ChallengeCodec(new byte[16])).hasMessageContaining("at least 32 bytes");
    }

    /**
     * Known answers, computed with Python's hashlib: SHA-256("abc:4959") = 0006b545... has 13 leading
     * zero bits (0x00, then 0x06 = 00000110); SHA-256("abc:0") = 5f36efce... has 1 (0x5f = 01011111).
     */
    @Test
    void leadingZeroBitsKnownAnswers() {
        assertThat(ProofOfWork.leadingZeroBits("abc", "4959")).isEqualTo(13);
        assertThat(ProofOfWork.leadingZeroBits("abc", "0")).isEqualTo(1);
    }

}
