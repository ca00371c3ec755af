package io.eventpipe.common.httpsig;

import io.eventpipe.common.crypto.Sha256;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/** RFC 9530 Content-Digest with sha-256, the only algorithm EventPipe accepts. */
public final class ContentDigest {

    public static final String HEADER = "content-digest";
    private static final String ALGORITHM = "sha-256";

    private ContentDigest() {
    }

    public static String header(byte[] body) {
        return headerForDigest(Sha256.digest(body));
    }

    public static String headerForDigest(byte[] sha256) {
        return ALGORITHM + "=:" + Base64.getEncoder().encodeToString(sha256) + ":";
    }

    /** The sha-256 digest the header claims; IllegalArgumentException when it has none or is malformed. */
    public static byte[] claimedSha256(String header) {
        Map<String, StructuredFields.Member> members = StructuredFields.parseDictionary(header);
        StructuredFields.Member member = members.get(ALGORITHM);
        if (member == null || member.isInnerList() || !(member.item().value() instanceof byte[] digest) || digest.length != 32) {
            throw new IllegalArgumentException("Content-Digest has no sha-256 value");
        }
        return digest;
    }

    /** Constant-time comparison of the claimed digest with the body's. */
    public static boolean matches(String header, byte[] actualSha256) {
        try {
            return MessageDigest.isEqual(claimedSha256(header), actualSha256);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
