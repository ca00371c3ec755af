package io.eventpipe.relay.pow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Issues challenges at the current difficulty and checks solutions. Spending a solved challenge
 * (single use across relays) is separate, so that it happens only once everything else about
 * the request is right and a bad request does not burn a good solution.
 */
public final class ChallengeService {

    /** The outcome of checking a solution, each with its HTTP answer. */
    public enum Verdict {
        VALID(0, null, null),
        INVALID(401, "invalid_challenge", "the challenge was not issued by EventPipe or was altered"),
        EXPIRED(401, "challenge_expired", "the challenge has expired; get a new one"),
        INSUFFICIENT_WORK(401, "insufficient_work", "the nonce does not solve the challenge"),
        REUSED(409, "challenge_reused", "the challenge was already used");

        private final int status;
        private final String code;
        private final String message;

        Verdict(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    private final ChallengeCodec codec;
    private final Difficulty difficulty;
    private final Duration lifetime;
    private final Clock clock;

    public ChallengeService(ChallengeCodec codec, Difficulty difficulty, Duration lifetime, Clock clock) {
        this.codec = codec;
        this.difficulty = difficulty;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Challenge issue() {
        return codec.issue(difficulty.next(), clock.instant().plus(lifetime));
    }

    /** Checks a solution without spending it; costs one HMAC and one SHA-256. */
    public Verdict check(String token, String nonce) {
        Challenge challenge = codec.decode(token);
        if (challenge == null) {
            return Verdict.INVALID;
        }
        Instant now = clock.instant();
        if (!now.isBefore(challenge.expiresAt())) {
            return Verdict.EXPIRED;
        }
        if (!ProofOfWork.isDecimalNonce(nonce) || ProofOfWork.leadingZeroBits(token, nonce) < challenge.difficulty()) {
            return Verdict.INSUFFICIENT_WORK;
        }
        return Verdict.VALID;
    }

    public Challenge decode(String token) {
        return codec.decode(token);
    }
}
