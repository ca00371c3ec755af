package io.eventpipe.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FeesTest {

    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private static final Fees.Caps CAPS = new Fees.Caps(GWEI.multiply(BigInteger.valueOf(100)), GWEI.multiply(BigInteger.TWO));

    private static BigInteger gwei(long n) {
        return GWEI.multiply(BigInteger.valueOf(n));
    }

    @Test
    void theFeeCapCoversTwiceTheBaseFeeAndNeverPassesTheCaps() {
        assertThat(Fees.forBaseFee(gwei(10), gwei(1), CAPS)).isEqualTo(new Fees(gwei(21), gwei(1)));
        // a node suggesting a large tip gets 4/5 of the configured cap: room is left for replacements
        BigInteger tip = GWEI.multiply(BigInteger.valueOf(8)).divide(BigInteger.valueOf(5));
        assertThat(Fees.forBaseFee(gwei(10), gwei(5), CAPS)).isEqualTo(new Fees(gwei(20).add(tip), tip));
        Fees once = Fees.forBaseFee(gwei(10), gwei(5), CAPS);
        assertThat(once.bumped(once, CAPS).replaces(once)).isTrue();
        // a base fee above the cap: capped (the transaction waits until the base fee comes down)
        assertThat(Fees.forBaseFee(gwei(80), gwei(1), CAPS)).isEqualTo(new Fees(gwei(100), gwei(1)));
    }

    @Test
    void aReplacementRaisesBothFeesEnoughForNodesToAcceptIt() {
        Fees first = Fees.forBaseFee(gwei(10), gwei(1), CAPS);
        Fees bumped = first.bumped(first, CAPS);
        assertThat(bumped.replaces(first)).isTrue();
        BigInteger twelvePercentMore = first.maxFeePerGas().multiply(BigInteger.valueOf(112)).divide(BigInteger.valueOf(100));
        assertThat(bumped.maxFeePerGas()).isGreaterThan(twelvePercentMore);
        // when the market moved more than the bump, the current estimate wins
        Fees market = Fees.forBaseFee(gwei(40), gwei(2), CAPS);
        assertThat(first.bumped(market, CAPS).maxFeePerGas()).isEqualTo(market.maxFeePerGas());
    }

    @Test
    void atTheCapsNoReplacementIsPossible() {
        Fees capped = new Fees(gwei(100), gwei(2));
        Fees bumped = capped.bumped(capped, CAPS);
        assertThat(bumped).isEqualTo(capped);
        assertThat(bumped.replaces(capped)).isFalse();
    }
}
