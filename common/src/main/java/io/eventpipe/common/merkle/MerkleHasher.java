package io.eventpipe.common.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 section 2.1.1 hashing with SHA-256: the leaf hash is SHA-256(0x00 || leaf), an inner
 * node SHA-256(0x01 || left || right); the distinct prefixes keep a leaf from passing for a node.
 */
public final class MerkleHasher {

    public static final int HASH_BYTES = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHasher() {
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(leaf);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /**
     * One digest per thread, reset by each digest(): looking a provider up per hash cost a third of
     * a tree's build time (docs/benchmarks.md, S3). No caller hashes inside another hash, so the
     * thread's digest is never in use twice at once.
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest;
    }
}
