package io.eventpipe.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.stack.AnvilNode;
import io.eventpipe.stack.Await;
import io.eventpipe.testkit.RealServers;
import io.eventpipe.testkit.TestServers;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** The contract and the chain client on a real anvil: deploy, anchor a root, find it by its root. */
@ExtendWith(RealServers.class)
class ChainClientIT {

    static final Fees.Caps CAPS = new Fees.Caps(BigInteger.valueOf(200_000_000_000L), BigInteger.valueOf(2_000_000_000L));

    static Credentials fundedKey(AnvilNode anvil) throws Exception {
        Credentials key = Credentials.create(Keys.createEcKeyPair());
        anvil.fund(key.getAddress());
        return key;
    }

    @Test
    void anAnchoredRootIsFoundByItsRootWithItsTreeSize(TestServers servers) throws Exception {
        AnvilNode anvil = servers.anvil();
        try (ChainClient chain = new ChainClient(anvil.rpcUrl(), fundedKey(anvil))) {
            assertThat(chain.chainId()).isEqualTo(AnvilNode.CHAIN_ID);
            String contract = ContractDeployer.deploy(chain, CAPS, Duration.ofSeconds(30), Clock.systemUTC());
            assertThat(chain.code(contract)).isNotEqualTo("0x");

            byte[] root = Sha256.digest("a batch".getBytes(StandardCharsets.UTF_8));
            String data = AnchorContract.anchorCall(root, 42, "batch-1");
            long gas = chain.estimateGas(contract, data);
            ChainClient.Signed signed = chain.sign(chain.pendingNonce(), gas + gas / 5, contract, data, chain.currentFees(CAPS));
            assertThat(chain.broadcast(signed.raw())).isEqualTo(ChainClient.Broadcast.ACCEPTED);
            // the very same bytes again: the node knows them, nothing is sent twice
            assertThat(chain.broadcast(signed.raw())).isIn(ChainClient.Broadcast.ALREADY_KNOWN, ChainClient.Broadcast.NONCE_USED);

            // even with instant mining, anvil may answer the broadcast before the block is sealed
            ChainClient.Inclusion inclusion = Await.value("the receipt of " + signed.txHash(), Duration.ofSeconds(30),
                    () -> chain.receipt(signed.txHash()).orElse(null));
            assertThat(inclusion.success()).isTrue();
            assertThat(chain.blockHash(inclusion.blockNumber())).contains(inclusion.blockHash());
            assertThat(inclusion.gasUsed()).isBetween(20_000L, 60_000L);

            var logs = chain.anchoredLogs(contract, root, inclusion.blockNumber(), inclusion.blockNumber());
            assertThat(logs).singleElement().satisfies(log -> {
                assertThat(log.getTopics().get(1)).isEqualTo(Numeric.toHexString(root));
                assertThat(log.getTransactionHash()).isEqualTo(signed.txHash());
                assertThat(AnchorContract.decode(log.getData())).isEqualTo(new AnchorContract.AnchoredData(42, "batch-1"));
            });
            assertThat(chain.anchoredLogs(contract, new byte[32], 0, chain.headNumber())).isEmpty();
        }
    }
}
