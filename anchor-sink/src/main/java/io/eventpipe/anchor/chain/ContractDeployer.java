package io.eventpipe.anchor.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Deploys the EventPipeAnchor contract (first start of a local stack without a configured address). */
public final class ContractDeployer {

    private static final Duration POLL = Duration.ofMillis(200);

    private ContractDeployer() {
    }

    /** The new contract's address, once its creation is mined (within timeout). */
    public static String deploy(ChainClient chain, Fees.Caps caps, Duration timeout, Clock clock) throws InterruptedException {
        String bytecode = AnchorContract.bytecode();
        long gas = chain.estimateGas(null, bytecode);
        ChainClient.Signed signed = chain.sign(chain.pendingNonce(), gas + gas / 5, null, bytecode, chain.currentFees(caps));
        ChainClient.Broadcast answer = chain.broadcast(signed.raw());
        if (answer != ChainClient.Broadcast.ACCEPTED && answer != ChainClient.Broadcast.ALREADY_KNOWN) {
            throw new IllegalStateException("the node refused the contract creation: " + answer);
        }
        Instant deadline = clock.instant().plus(timeout);
        while (clock.instant().isBefore(deadline)) {
            Optional<ChainClient.Inclusion> inclusion = chain.receipt(signed.txHash());
            if (inclusion.isPresent()) {
                if (!inclusion.get().success() || inclusion.get().contractAddress() == null) {
                    throw new IllegalStateException("the contract creation " + signed.txHash() + " failed");
                }
                return inclusion.get().contractAddress();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the contract creation " + signed.txHash() + " was not mined within " + timeout);
    }
}
