package io.eventpipe.bench.micro;

import io.eventpipe.common.crypto.Ed25519;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.merkle.InclusionProof;
import io.eventpipe.common.merkle.MerkleHasher;
import io.eventpipe.common.merkle.MerkleTree;
import io.eventpipe.common.merkle.MerkleVerifier;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * C3 (SHA-256 of 64 B and 1 MiB: the raw speed, one reused digest), C4 (Ed25519 verification with
 * the implementation the relay uses, run on every core by JmhRunner) and S3 (the Merkle tree the
 * anchor sink builds, and the verification of one inclusion proof).
 */
public class CryptoBenchmarks {

    /** Inputs made once per trial. */
    @State(Scope.Thread)
    public static class Inputs {
        final byte[] small = new byte[64];
        final byte[] large = new byte[1 << 20];
        final MessageDigest digest = Sha256.newDigest();
        PublicKey publicKey;
        byte[] message;
        byte[] signature;

        @Setup
        public void setUp() {
            Random random = new Random(42);
            random.nextBytes(small);
            random.nextBytes(large);
            KeyPair keys = Ed25519.generate();
            publicKey = keys.getPublic();
            message = new byte[200];
            random.nextBytes(message);
            signature = Ed25519.sign(keys.getPrivate(), message);
        }
    }

    /** A batch of event hashes, its tree, and the proof of one leaf. */
    @State(Scope.Thread)
    public static class Batch {
        @Param({"65536"})
        int leaves;
        List<byte[]> hashes;
        byte[] root;
        byte[] leafHash;
        InclusionProof proof;

        @Setup
        public void setUp() {
            Random random = new Random(7);
            hashes = new ArrayList<>(leaves);
            for (int i = 0; i < leaves; i++) {
                byte[] hash = new byte[MerkleHasher.HASH_BYTES];
                random.nextBytes(hash);
                hashes.add(hash);
            }
            MerkleTree tree = MerkleTree.ofLeaves(hashes);
            root = tree.root();
            int index = leaves / 3;
            leafHash = MerkleHasher.leafHash(hashes.get(index));
            proof = tree.inclusionProof(index);
        }
    }

    @Benchmark
    public byte[] sha256Of64Bytes(Inputs in) {
        return in.digest.digest(in.small);
    }

    @Benchmark
    public byte[] sha256Of1MiB(Inputs in) {
        return in.digest.digest(in.large);
    }

    @Benchmark
    public boolean ed25519Verify(Inputs in) {
        return Ed25519.verify(in.publicKey, in.message, in.signature);
    }

    /** The JDK 17 provider the relay used before (kept as the reference of the change recorded in docs/benchmarks.md). */
    @Benchmark
    public boolean ed25519VerifyJdk(Inputs in) {
        return Ed25519.verifyWithJdk(in.publicKey, in.message, in.signature);
    }

    @Benchmark
    public byte[] merkleTree(Batch batch) {
        return MerkleTree.ofLeaves(batch.hashes).root();
    }

    @Benchmark
    public boolean merkleVerifyInclusion(Batch batch) {
        try {
            MerkleVerifier.verifyInclusion(batch.leafHash, batch.proof, batch.root);
            return true;
        } catch (MerkleVerifier.VerificationFailure e) {
            return false;
        }
    }
}
