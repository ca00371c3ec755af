package io.eventpipe.common.merkle;

import java.security.MessageDigest;

/**
 * Inclusion proof verification, RFC 9162 section 2.1.3.2, with the preconditions checked first:
 * an index inside the tree, hashes of the right length, and a path exactly as long as the tree
 * shape requires (no extra or missing entries can be slipped in).
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /** Thrown with what is wrong; a proof that merely does not match the root is a VerificationFailure too. */
    public static final class VerificationFailure extends Exception {
        private static final long serialVersionUID = 1L;

        VerificationFailure(String message) {
            super(message);
        }
    }

    /** Verifies that leafHash is at proof.leafIndex in the tree of proof.treeSize leaves with this root. */
    public static void verifyInclusion(byte[] leafHash, InclusionProof proof, byte[] root) throws VerificationFailure {
        byte[] computed = rootFromInclusionProof(leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new VerificationFailure("the audit path leads to another root");
        }
    }

    /** The root the proof leads to from leafHash (RFC 9162 2.1.3.2 steps 1-5, without the final comparison). */
    public static byte[] rootFromInclusionProof(byte[] leafHash, InclusionProof proof) throws VerificationFailure {
        long index = proof.leafIndex();
        long size = proof.treeSize();
        if (size <= 0 || index < 0 || index >= size) {
            throw new VerificationFailure("leaf index " + index + " is not inside a tree of " + size + " leaves");
        }
        checkLength(leafHash, "leaf hash");
        int expected = pathLength(index, size);
        if (proof.auditPath().size() != expected) {
            throw new VerificationFailure("a tree of " + size + " leaves needs an audit path of " + expected
                    + " hashes for leaf " + index + ", not " + proof.auditPath().size());
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof.auditPath()) {
            checkLength(p, "audit path entry");
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHasher.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHasher.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationFailure("the audit path ends below the root");
        }
        return r;
    }

    /** How many hashes the audit path of index in a tree of size has: one per level where the node has a sibling. */
    static int pathLength(long index, long size) {
        int length = 0;
        long fn = index;
        long sn = size - 1;
        while (sn > 0) {
            if ((fn & 1) == 1 || fn != sn) {
                length++;
            }
            fn >>= 1;
            sn >>= 1;
        }
        return length;
    }

    private static void checkLength(byte[] hash, String what) throws VerificationFailure {
        if (hash == null || hash.length != MerkleHasher.HASH_BYTES) {
            throw new VerificationFailure("a " + what + " is " + MerkleHasher.HASH_BYTES + " bytes");
        }
    }
}
