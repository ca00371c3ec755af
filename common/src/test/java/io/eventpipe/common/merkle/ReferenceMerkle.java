package io.eventpipe.common.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1.1 and 2.1.3.1 written out literally (MTH and PATH by recursion over
 * D[0:k] and D[k:n], k the largest power of two smaller than n): slow, and obviously the RFC's.
 */
final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    static byte[] mth(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return MerkleHasher.emptyRoot();
        }
        if (n == 1) {
            return MerkleHasher.leafHash(leaves.get(0));
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHasher.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }

    static List<byte[]> path(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, leaves.subList(0, k)));
            path.add(mth(leaves.subList(k, n)));
        } else {
            path.addAll(path(m - k, leaves.subList(k, n)));
            path.add(mth(leaves.subList(0, k)));
        }
        return path;
    }

    static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
