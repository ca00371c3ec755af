package io.eventpipe.common.crypto;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** Lower-case hex, the only form digests take in EventPipe's APIs and storage keys. */
public final class Hex {

    private static final HexFormat LOWER = HexFormat.of();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    public static byte[] decode(String hex) {
        return LOWER.parseHex(hex);
    }

    /** True for exactly 64 lower-case hex digits, so such a value is safe inside paths and keys. */
    public static boolean isSha256(String hex) {
        return hex != null && SHA256_HEX.matcher(hex).matches();
    }
}
