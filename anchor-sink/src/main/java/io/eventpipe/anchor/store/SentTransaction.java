package io.eventpipe.anchor.store;

import java.math.BigInteger;
import java.time.Instant;

/** A signed anchoring transaction as it was (or is about to be) broadcast; raw is its hex encoding, resendable as is. */
public record SentTransaction(String txHash, String batchId, long nonce, BigInteger maxFeePerGas, BigInteger priorityFee,
                              long gasLimit, String raw, Instant sentAt) {
}
