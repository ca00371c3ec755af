package io.eventpipe.common.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9162 Merkle tree over a fixed list of leaves, kept level by level so that the root and
 * every audit path come out in O(n) hashes overall. Building bottom-up, an odd last node is
 * carried up unchanged; this gives exactly the tree of RFC 9162's recursive definition (split at
 * the largest power of two below n), which the tests check against a literal implementation.
 */
public final class MerkleTree {

    /** levels.get(0) are the leaf hashes; the last level holds the root alone. */
    private final List<byte[][]> levels = new ArrayList<>();

    private MerkleTree(byte[][] leafHashes) {
        byte[][] level = leafHashes;
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                int left = 2 * i;
                up[i] = left + 1 < level.length ? MerkleHasher.nodeHash(level[left], level[left + 1]) : level[left];
            }
            levels.add(up);
            level = up;
        }
    }

    /** A tree whose leaves are these inputs (for EventPipe: the 32 bytes of each event hash). */
    public static MerkleTree ofLeaves(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one leaf");
        }
        byte[][] hashes = new byte[leaves.size()][];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = MerkleHasher.leafHash(leaves.get(i));
        }
        return new MerkleTree(hashes);
    }

    public int size() {
        return levels.get(0).length;
    }

    public byte[] root() {
        return levels.get(levels.size() - 1)[0].clone();
    }

    /** The audit path of RFC 9162 section 2.1.3.1 for the leaf at index, from the leaf upwards. */
    public InclusionProof inclusionProof(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("leaf index " + index + " outside a tree of " + size());
        }
        List<byte[]> path = new ArrayList<>();
        int node = index;
        for (int level = 0; level < levels.size() - 1; level++) {
            byte[][] nodes = levels.get(level);
            int sibling = node ^ 1;
            if (sibling < nodes.length) {
                path.add(nodes[sibling].clone());
            }
            node >>= 1;
        }
        return new InclusionProof(index, size(), path);
    }
}
