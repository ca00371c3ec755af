package io.eventpipe.anchor.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * What the anchor sink asks of an Ethereum JSON-RPC endpoint (anvil, Sepolia, mainnet): fees,
 * nonces, gas estimates, signing and sending EIP-1559 transactions, receipts, block hashes and
 * Anchored logs. Every RPC failure is a ChainUnavailable, which callers retry later.
 */
public final class ChainClient implements AutoCloseable {

    private final Web3j web3;
    private final Credentials signer;
    private final long chainId;

    /** A client that only reads (verification): no key. */
    public static ChainClient readOnly(String rpcUrl) {
        return new ChainClient(rpcUrl, null);
    }

    public ChainClient(String rpcUrl, Credentials signer) {
        this.web3 = Web3j.build(new HttpService(rpcUrl));
        this.signer = signer;
        this.chainId = call(() -> web3.ethChainId().send()).getChainId().longValueExact();
    }

    public long chainId() {
        return chainId;
    }

    public String address() {
        return signer.getAddress();
    }

    /** The next nonce of the signer, counting transactions still in the mempool. */
    public long pendingNonce() {
        return call(() -> web3.ethGetTransactionCount(address(), DefaultBlockParameterName.PENDING).send())
                .getTransactionCount().longValueExact();
    }

    public Fees currentFees(Fees.Caps caps) {
        EthBlock.Block latest = call(() -> web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()).getBlock();
        BigInteger baseFee = latest.getBaseFeePerGas() == null ? BigInteger.ZERO : latest.getBaseFeePerGas();
        BigInteger tip;
        try {
            tip = call(() -> web3.ethMaxPriorityFeePerGas().send()).getMaxPriorityFeePerGas();
        } catch (ChainUnavailable e) {
            tip = caps.maxPriorityFee(); // nodes without eth_maxPriorityFeePerGas: the configured tip
        }
        return Fees.forBaseFee(baseFee, tip, caps);
    }

    public long estimateGas(String to, String data) {
        Transaction call = Transaction.createEthCallTransaction(address(), to, data);
        return call(() -> web3.ethEstimateGas(call).send()).getAmountUsed().longValueExact();
    }

    /** A signed EIP-1559 transaction: its hash and the raw hex to broadcast (again and again if needed). */
    public record Signed(String txHash, String raw) {
    }

    /** Signs a call (to non-null) or a contract creation (to null). */
    public Signed sign(long nonce, long gasLimit, String to, String data, Fees fees) {
        RawTransaction transaction = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), BigInteger.valueOf(gasLimit),
                to == null ? "" : to, BigInteger.ZERO, data, fees.priorityFee(), fees.maxFeePerGas());
        String raw = Numeric.toHexString(TransactionEncoder.signMessage(transaction, signer));
        return new Signed(Hash.sha3(raw), raw);
    }

    /** What the node said to a broadcast. */
    public enum Broadcast { ACCEPTED, ALREADY_KNOWN, NONCE_USED, UNDERPRICED, REFUSED }

    public Broadcast broadcast(String raw) {
        EthSendTransaction sent = call(() -> web3.ethSendRawTransaction(raw).send(), true);
        if (!sent.hasError()) {
            return Broadcast.ACCEPTED;
        }
        String message = sent.getError().getMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("already known") || message.contains("already imported")) {
            return Broadcast.ALREADY_KNOWN;
        }
        if (message.contains("nonce too low") || message.contains("nonce is too low")) {
            return Broadcast.NONCE_USED;
        }
        if (message.contains("underpriced")) {
            return Broadcast.UNDERPRICED;
        }
        return Broadcast.REFUSED;
    }

    /** Where a transaction was mined, and how it went. */
    public record Inclusion(long blockNumber, String blockHash, boolean success, long gasUsed, BigInteger effectiveGasPrice,
                            String contractAddress) {
    }

    public Optional<Inclusion> receipt(String txHash) {
        Optional<TransactionReceipt> receipt = call(() -> web3.ethGetTransactionReceipt(txHash).send()).getTransactionReceipt();
        return receipt.map(r -> new Inclusion(r.getBlockNumber().longValueExact(), r.getBlockHash(), r.isStatusOK(),
                r.getGasUsed().longValueExact(), r.getEffectiveGasPrice() == null ? BigInteger.ZERO
                        : Numeric.decodeQuantity(r.getEffectiveGasPrice()), r.getContractAddress()));
    }

    /** Whether the node knows the transaction at all (mempool or chain). */
    public boolean knows(String txHash) {
        return call(() -> web3.ethGetTransactionByHash(txHash).send()).getTransaction().isPresent();
    }

    public long headNumber() {
        return call(() -> web3.ethBlockNumber().send()).getBlockNumber().longValueExact();
    }

    public Optional<String> blockHash(long number) {
        EthBlock.Block block = call(() -> web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                .send()).getBlock();
        return Optional.ofNullable(block).map(EthBlock.Block::getHash);
    }

    /** The code deployed at an address ("0x" when none). */
    public String code(String address) {
        return call(() -> web3.ethGetCode(address, DefaultBlockParameterName.LATEST).send()).getCode();
    }

    /** Anchored logs of this root at the contract, between the blocks given (inclusive). */
    @SuppressWarnings("rawtypes")
    public List<EthLog.LogObject> anchoredLogs(String contract, byte[] root, long fromBlock, long toBlock) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), contract);
        filter.addSingleTopic(AnchorContract.ANCHORED_TOPIC);
        filter.addSingleTopic(Numeric.toHexString(root));
        List<EthLog.LogResult> logs = call(() -> web3.ethGetLogs(filter).send()).getLogs();
        return logs.stream().map(log -> (EthLog.LogObject) log).toList();
    }

    private interface RpcCall<T extends Response<?>> {
        T send() throws IOException;
    }

    private static <T extends Response<?>> T call(RpcCall<T> rpc) {
        return call(rpc, false);
    }

    private static <T extends Response<?>> T call(RpcCall<T> rpc, boolean errorsAreAnswers) {
        T response;
        try {
            response = rpc.send();
        } catch (IOException | RuntimeException e) {
            throw new ChainUnavailable("Ethereum RPC unavailable: " + e.getMessage(), e);
        }
        if (response.hasError() && !errorsAreAnswers) {
            throw new ChainUnavailable("Ethereum RPC error: " + response.getError().getMessage(), null);
        }
        return response;
    }

    @Override
    public void close() {
        web3.shutdown();
    }
}
