package io.eventpipe.common.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 without checked exceptions: every Java platform must provide it. */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every Java platform", e);
        }
    }

    public static byte[] digest(byte[] input) {
        return newDigest().digest(input);
    }

    public static String hex(byte[] input) {
        return Hex.encode(digest(input));
    }
}
