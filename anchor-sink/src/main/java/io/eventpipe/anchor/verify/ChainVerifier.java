package io.eventpipe.anchor.verify;

import io.eventpipe.anchor.chain.AnchorContract;
import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.receipt.Receipt;
import io.eventpipe.common.receipt.ReceiptVerifier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthLog;

/**
 * Full receipt verification (CONTRACT 3): the offline proof (common ReceiptVerifier), then one
 * chain lookup: on the receipt's chain, the block at its height is its block, and that block
 * holds an Anchored log of this root, from this contract, in this transaction, for this tree size.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /** A receipt that verified, and how deep its block is now. */
    public record Verified(long confirmations) {
    }

    public static Verified verify(Receipt receipt, ChainClient chain) throws ReceiptVerifier.InvalidReceipt {
        ReceiptVerifier.verifyProof(receipt);
        Receipt.Anchor anchor = receipt.anchor();
        if (chain.chainId() != anchor.chainId()) {
            throw new ReceiptVerifier.InvalidReceipt("the RPC endpoint serves chain " + chain.chainId() + ", the receipt is for chain "
                    + anchor.chainId());
        }
        Optional<String> canonical = chain.blockHash(anchor.blockNumber());
        if (canonical.isEmpty() || !same(canonical.get(), anchor.blockHash())) {
            throw new ReceiptVerifier.InvalidReceipt("block " + anchor.blockNumber() + " is " + canonical.orElse("missing")
                    + " on this chain, not " + anchor.blockHash() + " (reorganised away?)");
        }
        List<EthLog.LogObject> logs = chain.anchoredLogs(anchor.contract(), Hex.decode(receipt.root()), anchor.blockNumber(),
                anchor.blockNumber());
        EthLog.LogObject log = logs.stream().filter(l -> same(l.getTransactionHash(), anchor.txHash())).findFirst()
                .orElseThrow(() -> new ReceiptVerifier.InvalidReceipt("no Anchored log of root " + receipt.root() + " by contract "
                        + anchor.contract() + " in transaction " + anchor.txHash() + " of block " + anchor.blockNumber()));
        if (!same(log.getBlockHash(), anchor.blockHash())) {
            throw new ReceiptVerifier.InvalidReceipt("the anchoring log is in block " + log.getBlockHash() + ", not " + anchor.blockHash());
        }
        AnchorContract.AnchoredData data = AnchorContract.decode(log.getData());
        if (data.treeSize() != receipt.treeSize()) {
            throw new ReceiptVerifier.InvalidReceipt("the root was anchored for a tree of " + data.treeSize() + " leaves, the receipt says "
                    + receipt.treeSize());
        }
        return new Verified(chain.headNumber() - anchor.blockNumber() + 1);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
