package io.eventpipe.common.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Any change to a proof, the leaf or the root makes verification fail, with the precondition named. */
class MerkleVerifierTest {

    private static void fails(byte[] leaf, InclusionProof proof, byte[] root, String why) {
        assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(leaf, proof, root))
                .isInstanceOf(MerkleVerifier.VerificationFailure.class).hasMessageContaining(why);
    }

    @Test
    void everyFlippedBitOfEveryPathEntryLeafAndRootIsCaught() {
        for (int size : new int[] {1, 2, 3, 7, 8, 9, 100}) {
            List<byte[]> leaves = MerkleTreeTest.leaves(size);
            MerkleTree tree = MerkleTree.ofLeaves(leaves);
            byte[] root = tree.root();
            for (int index = 0; index < size; index += Math.max(1, size / 7)) {
                InclusionProof proof = tree.inclusionProof(index);
                byte[] leaf = MerkleHasher.leafHash(leaves.get(index));
                assertThatCode(() -> MerkleVerifier.verifyInclusion(leaf, proof, root)).doesNotThrowAnyException();
                for (int entry = 0; entry < proof.auditPath().size(); entry++) {
                    for (int bit = 0; bit < 256; bit++) {
                        List<byte[]> path = new ArrayList<>(proof.auditPath());
                        path.set(entry, flip(path.get(entry), bit));
                        fails(leaf, new InclusionProof(index, size, path), root, "another root");
                    }
                }
                for (int bit = 0; bit < 256; bit++) {
                    fails(flip(leaf, bit), proof, root, "another root");
                    fails(leaf, proof, flip(root, bit), "another root");
                }
            }
        }
    }

    @Test
    void wrongIndexOrSizeIsCaught() {
        MerkleTree tree = MerkleTree.ofLeaves(MerkleTreeTest.leaves(10));
        byte[] root = tree.root();
        InclusionProof proof = tree.inclusionProof(4);
        byte[] leaf = MerkleHasher.leafHash(MerkleTreeTest.leaves(10).get(4));
        fails(leaf, new InclusionProof(5, 10, proof.auditPath()), root, "another root");
        // sizes whose trees give leaf 4 a path of another length; sizes 9..16 give it the same shape
        // and so the same root, which is why the anchor also records the tree size next to the root
        fails(leaf, new InclusionProof(4, 5, proof.auditPath()), root, "audit path of");
        fails(leaf, new InclusionProof(4, 8, proof.auditPath()), root, "audit path of");
        fails(leaf, new InclusionProof(3, 10, proof.auditPath()), root, "another root");
        fails(leaf, new InclusionProof(10, 10, proof.auditPath()), root, "not inside");
        fails(leaf, new InclusionProof(-1, 10, proof.auditPath()), root, "not inside");
        fails(leaf, new InclusionProof(0, 0, List.of()), root, "not inside");
    }

    @Test
    void extraMissingOrMisshapenEntriesAreCaughtBeforeHashing() {
        MerkleTree tree = MerkleTree.ofLeaves(MerkleTreeTest.leaves(6));
        byte[] root = tree.root();
        InclusionProof proof = tree.inclusionProof(2);
        byte[] leaf = MerkleHasher.leafHash(MerkleTreeTest.leaves(6).get(2));
        List<byte[]> longer = new ArrayList<>(proof.auditPath());
        longer.add(root);
        fails(leaf, new InclusionProof(2, 6, longer), root, "audit path of");
        fails(leaf, new InclusionProof(2, 6, proof.auditPath().subList(0, 1)), root, "audit path of");
        List<byte[]> shortEntry = new ArrayList<>(proof.auditPath());
        shortEntry.set(0, new byte[31]);
        fails(leaf, new InclusionProof(2, 6, shortEntry), root, "32 bytes");
        fails(new byte[33], proof, root, "32 bytes");
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
