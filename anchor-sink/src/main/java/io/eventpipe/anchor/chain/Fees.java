package io.eventpipe.anchor.chain;

import java.math.BigInteger;

/**
 * EIP-1559 fee choice with caps: a tip of at most 4/5 of its cap (so that a replacement can still
 * raise it), and a fee cap of twice the base fee plus the tip, which survives six full blocks of
 * base-fee rises; never above the configured maximum. A stuck transaction is replaced with both
 * raised by at least 12.5 % (nodes ask for 10 %), still capped.
 */
public record Fees(BigInteger maxFeePerGas, BigInteger priorityFee) {

    private static final BigInteger BUMP_NUMERATOR = BigInteger.valueOf(1125);
    private static final BigInteger BUMP_DENOMINATOR = BigInteger.valueOf(1000);

    /** The configured ceilings, in wei. */
    public record Caps(BigInteger maxFeePerGas, BigInteger maxPriorityFee) {
    }

    public static Fees forBaseFee(BigInteger baseFee, BigInteger suggestedTip, Caps caps) {
        BigInteger tip = suggestedTip.min(caps.maxPriorityFee().multiply(BigInteger.valueOf(4)).divide(BigInteger.valueOf(5)));
        BigInteger maxFee = baseFee.multiply(BigInteger.TWO).add(tip).min(caps.maxFeePerGas());
        return new Fees(maxFee, tip.min(maxFee));
    }

    /** Fees for a replacement: at least 12.5 % above these, at least the current estimate, within the caps. */
    public Fees bumped(Fees current, Caps caps) {
        BigInteger tip = bump(priorityFee).max(current.priorityFee()).min(caps.maxPriorityFee());
        BigInteger maxFee = bump(maxFeePerGas).max(current.maxFeePerGas()).min(caps.maxFeePerGas());
        return new Fees(maxFee, tip.min(maxFee));
    }

    /** Whether a replacement with these fees would be accepted by nodes in place of previous (both fees raised by 10 %). */
    public boolean replaces(Fees previous) {
        BigInteger tenPercent = BigInteger.valueOf(11);
        return maxFeePerGas.multiply(BigInteger.TEN).compareTo(previous.maxFeePerGas.multiply(tenPercent)) >= 0
                && priorityFee.multiply(BigInteger.TEN).compareTo(previous.priorityFee.multiply(tenPercent)) >= 0;
    }

    private static BigInteger bump(BigInteger value) {
        return value.multiply(BUMP_NUMERATOR).divide(BUMP_DENOMINATOR).add(BigInteger.ONE);
    }
}
