package io.eventpipe.anchor.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.anchor.chain.ChainClient;
import io.eventpipe.anchor.chain.ChainUnavailable;
import io.eventpipe.common.receipt.Receipt;
import io.eventpipe.common.receipt.ReceiptVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./eventpipe verify RECEIPT.json [--event EVENT.json] [--rpc URL]}: exit 0 and what was
 * checked when the receipt holds; a non-zero exit and the reason when anything fails.
 */
public final class VerifyCommand {

    static final String DEFAULT_RPC = "http://127.0.0.1:8545";
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path receiptFile = null;
        Path eventFile = null;
        String rpc = System.getenv().getOrDefault("EVENTPIPE_RPC_URL", DEFAULT_RPC);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--event" -> eventFile = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--rpc" -> rpc = i + 1 < args.length ? args[++i] : null;
                default -> receiptFile = Path.of(args[i]);
            }
        }
        if (receiptFile == null || rpc == null || (args.length > 0 && args[args.length - 1].startsWith("--"))) {
            err.println("usage: eventpipe verify RECEIPT.json [--event EVENT.json] [--rpc URL]");
            return USAGE;
        }
        try {
            Receipt receipt = Receipt.fromJson(new ObjectMapper().readTree(Files.readAllBytes(receiptFile)));
            if (eventFile != null) {
                ReceiptVerifier.verifyEvent(receipt, Files.readAllBytes(eventFile));
                out.println("event: hashes to " + receipt.eventHash());
            }
            try (ChainClient chain = ChainClient.readOnly(rpc)) {
                ChainVerifier.Verified verified = ChainVerifier.verify(receipt, chain);
                out.println("proof: leaf " + receipt.leafIndex() + " of " + receipt.treeSize() + " leads to root " + receipt.root());
                out.println("chain: root anchored by " + receipt.anchor().contract() + " in " + receipt.anchor().txHash() + ", block "
                        + receipt.anchor().blockNumber() + " of chain " + receipt.anchor().chainId() + ", " + verified.confirmations()
                        + " confirmation(s)");
                out.println("VALID");
                return OK;
            }
        } catch (ReceiptVerifier.InvalidReceipt e) {
            err.println("INVALID: " + e.getMessage());
            return INVALID;
        } catch (IllegalArgumentException e) {
            err.println("INVALID: the receipt is malformed: " + e.getMessage());
            return INVALID;
        } catch (ChainUnavailable e) {
            err.println("cannot check the chain at " + rpc + ": " + e.getMessage());
            return UNREACHABLE;
        } catch (IOException e) {
            err.println("cannot read " + e.getMessage());
            return USAGE;
        }
    }
}
