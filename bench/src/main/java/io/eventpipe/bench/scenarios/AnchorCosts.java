package io.eventpipe.bench.scenarios;

import io.eventpipe.anchor.chain.AnchorContract;
import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.chain.ContractDeployer;
import io.eventpipe.anchor.chain.Fees;
import io.eventpipe.common.merkle.MerkleHasher;
import io.eventpipe.common.merkle.MerkleTree;
import io.eventpipe.stack.Await;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * S4: what anchoring costs on the chain: a batch of n event hashes becomes one tree root in one
 * transaction of the anchor sink's contract, so the gas per event falls as 1/n. Measured with real
 * transactions on the stack's anvil (gas used from their receipts), from a key of the harness's own.
 */
public final class AnchorCosts {

    private static final Fees.Caps CAPS = new Fees.Caps(BigInteger.valueOf(200_000_000_000L), BigInteger.valueOf(2_000_000_000L));
    private static final Duration MINED = Duration.ofSeconds(60);

    private AnchorCosts() {
    }

    /** One batch size: the transaction's gas and the time to build the tree. */
    public record Batch(int size, long gasUsed, double treeMillis) {
        public double gasPerEvent() {
            return gasUsed / (double) size;
        }
    }

    public static List<Batch> measure(String rpcUrl, Consumer<String> fund, int... sizes) throws Exception {
        Credentials key = Credentials.create(Keys.createEcKeyPair());
        fund.accept(key.getAddress());
        List<Batch> batches = new ArrayList<>();
        try (ChainClient chain = new ChainClient(rpcUrl, key)) {
            String contract = ContractDeployer.deploy(chain, CAPS, MINED, Clock.systemUTC());
            Random random = new Random(11);
            for (int size : sizes) {
                List<byte[]> hashes = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    byte[] hash = new byte[MerkleHasher.HASH_BYTES];
                    random.nextBytes(hash);
                    hashes.add(hash);
                }
                long start = System.nanoTime();
                byte[] root = MerkleTree.ofLeaves(hashes).root();
                double treeMillis = (System.nanoTime() - start) / 1e6;
                String data = AnchorContract.anchorCall(root, size, "bench-" + size);
                long gas = chain.estimateGas(contract, data);
                ChainClient.Signed signed = chain.sign(chain.pendingNonce(), gas + gas / 5, contract, data, chain.currentFees(CAPS));
                if (chain.broadcast(signed.raw()) != ChainClient.Broadcast.ACCEPTED) {
                    throw new IllegalStateException("the node refused the anchoring of a batch of " + size);
                }
                ChainClient.Inclusion inclusion = Await.value("the anchoring of a batch of " + size + " to be mined", MINED,
                        () -> chain.receipt(signed.txHash()).orElse(null));
                batches.add(new Batch(size, inclusion.gasUsed(), treeMillis));
            }
        }
        return batches;
    }

    /** Gas per event by batch size, for the report. */
    public static Map<Integer, Double> gasPerEvent(List<Batch> batches) {
        Map<Integer, Double> perEvent = new LinkedHashMap<>();
        batches.forEach(batch -> perEvent.put(batch.size(), batch.gasPerEvent()));
        return perEvent;
    }
}
