package io.eventpipe.relay.pow;

import io.eventpipe.common.crypto.Sha256;
import java.nio.charset.StandardCharsets;

/** CONTRACT 2.1: SHA-256(UTF8(challenge + ":" + nonce)) must have at least BITS leading zero bits. */
public final class ProofOfWork {

    /** A decimal nonce of at most 20 digits (an unsigned 64-bit counter). */
    public static final int MAX_NONCE_DIGITS = 20;

    private ProofOfWork() {
    }

    public static int leadingZeroBits(String challenge, String nonce) {
        byte[] digest = Sha256.digest((challenge + ":" + nonce).getBytes(StandardCharsets.UTF_8));
        int bits = 0;
        for (byte b : digest) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
        }
        return bits;
    }

    public static boolean isDecimalNonce(String nonce) {
        if (nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_DIGITS) {
            return false;
        }
        for (int i = 0; i < nonce.length(); i++) {
            if (nonce.charAt(i) < '0' || nonce.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

}
