package io.eventpipe.common.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.common.crypto.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    /**
     * The test data of RFC 6962's reference implementation (certificate-transparency, reused by
     * transparency-dev/merkle): eight leaves of 0 to 16 bytes, and the published tree heads of
     * the first 1..8 of them. RFC 9162 kept RFC 6962's hashing, so the heads are the same.
     */
    static final List<byte[]> CT_LEAVES = List.of(Hex.decode(""), Hex.decode("00"), Hex.decode("10"), Hex.decode("2021"),
            Hex.decode("3031"), Hex.decode("40414243"), Hex.decode("5051525354555657"),
            Hex.decode("606162636465666768696a6b6c6d6e6f"));
    static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void publishedTreeHeadsOfTheReferenceData() {
        assertThat(Hex.encode(MerkleHasher.emptyRoot())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int size = 1; size <= 8; size++) {
            List<byte[]> leaves = CT_LEAVES.subList(0, size);
            assertThat(Hex.encode(MerkleTree.ofLeaves(leaves).root())).as("tree head of size %d", size).isEqualTo(CT_ROOTS.get(size - 1));
            assertThat(Hex.encode(ReferenceMerkle.mth(leaves))).isEqualTo(CT_ROOTS.get(size - 1));
        }
    }

    /**
     * The published audit path of leaf 0 in the tree of 8: the hash of leaf 1, the head of
     * leaves 2..3, the head of leaves 4..7. Leaf 5's path ends with the head of leaves 0..3,
     * which is the published tree head of size 4.
     */
    @Test
    void publishedAuditPaths() {
        MerkleTree tree = MerkleTree.ofLeaves(CT_LEAVES);
        assertThat(tree.inclusionProof(0).auditPath()).extracting(Hex::encode).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        List<byte[]> path5 = tree.inclusionProof(5).auditPath();
        assertThat(Hex.encode(path5.get(path5.size() - 1))).isEqualTo(CT_ROOTS.get(3));
        assertThat(Hex.encode(path5.get(0))).isEqualTo(Hex.encode(MerkleHasher.leafHash(CT_LEAVES.get(4))));
    }

    static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(io.eventpipe.common.crypto.Sha256.digest(("event " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** Every tree size 1..300, every leaf: root and audit path equal the literal RFC, and the proof verifies. */
    @Test
    void treeAndProofsMatchTheReferenceForEverySizeUpTo300() throws Exception {
        List<byte[]> all = leaves(300);
        for (int size = 1; size <= 300; size++) {
            List<byte[]> leaves = all.subList(0, size);
            MerkleTree tree = MerkleTree.ofLeaves(leaves);
            byte[] root = tree.root();
            assertThat(root).as("root of %d", size).isEqualTo(ReferenceMerkle.mth(leaves));
            for (int index = 0; index < size; index++) {
                InclusionProof proof = tree.inclusionProof(index);
                assertThat(proof.auditPath()).as("path of %d in %d", index, size)
                        .containsExactlyElementsOf(ReferenceMerkle.path(index, leaves));
                MerkleVerifier.verifyInclusion(MerkleHasher.leafHash(leaves.get(index)), proof, root);
            }
        }
    }

    @Test
    void aBatchHasLeavesAndProofsStayInside() {
        assertThatThrownBy(() -> MerkleTree.ofLeaves(List.of())).isInstanceOf(IllegalArgumentException.class);
        MerkleTree tree = MerkleTree.ofLeaves(leaves(3));
        assertThatThrownBy(() -> tree.inclusionProof(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
