package io.eventpipe.common.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double exactly as ECMAScript's {@code Number.prototype.toString} does, which is
 * what RFC 8785 (JCS) prescribes for numbers. Java 17's {@code Double.toString} does not always
 * produce the shortest round-tripping digits, so the digits are searched explicitly.
 */
final class EsNumberFormat {

    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private EsNumberFormat() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity have no JSON form");
        }
        if (value == 0) {
            return "0"; // covers -0 too, as ECMAScript does
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().toString();
        // value = 0.d1d2...dk * 10^n in the terms of ECMA-262 Number::toString
        int k = digits.length();
        int n = k - shortest.scale();
        return layout(digits, k, n);
    }

    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= MAX_SIGNIFICANT_DIGITS; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("no round-trip within 17 digits for " + value);
    }

    private static String layout(String digits, int k, int n) {
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String sign = exponent < 0 ? "-" : "+";
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + sign + Math.abs(exponent);
    }
}
