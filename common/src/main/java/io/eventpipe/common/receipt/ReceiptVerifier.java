package io.eventpipe.common.receipt;

import io.eventpipe.common.crypto.EventHash;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.json.InvalidJsonException;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.common.merkle.InclusionProof;
import io.eventpipe.common.merkle.MerkleHasher;
import io.eventpipe.common.merkle.MerkleVerifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline half of receipt verification (CONTRACT 3): the receipt is well formed, the audit
 * path leads from the event hash to the root, and, given the event JSON, its hash is the one in
 * the receipt. The chain lookup of the root is the other half. One implementation, used by the
 * services and by `./eventpipe verify`.
 */
public final class ReceiptVerifier {

    private ReceiptVerifier() {
    }

    /** Why a receipt does not verify; the message is meant for the person running the check. */
    public static final class InvalidReceipt extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidReceipt(String message) {
            super(message);
        }
    }

    public static void verifyProof(Receipt receipt) throws InvalidReceipt {
        if (receipt.version() != Receipt.VERSION) {
            throw new InvalidReceipt("unknown receipt version " + receipt.version());
        }
        byte[] eventHash = hash(receipt.eventHash(), "eventHash");
        byte[] root = hash(receipt.root(), "root");
        List<byte[]> path = new ArrayList<>();
        for (String entry : receipt.auditPath()) {
            path.add(hash(entry, "auditPath entry"));
        }
        try {
            MerkleVerifier.verifyInclusion(MerkleHasher.leafHash(eventHash),
                    new InclusionProof(receipt.leafIndex(), receipt.treeSize(), path), root);
        } catch (MerkleVerifier.VerificationFailure e) {
            throw new InvalidReceipt("the inclusion proof fails: " + e.getMessage());
        }
    }

    /** The event JSON hashes (RFC 8785, CONTRACT 2.5) to the receipt's eventHash, and is that event. */
    public static void verifyEvent(Receipt receipt, byte[] eventJson) throws InvalidReceipt {
        EventHash.Canonical canonical;
        try {
            canonical = EventHash.of(Jcs.parse(eventJson));
        } catch (InvalidJsonException | IllegalArgumentException e) {
            throw new InvalidReceipt("the event is not valid JSON: " + e.getMessage());
        }
        if (!canonical.hashHex().equals(receipt.eventHash())) {
            throw new InvalidReceipt("the event hashes to " + canonical.hashHex() + ", the receipt is for " + receipt.eventHash());
        }
    }

    private static byte[] hash(String hex, String what) throws InvalidReceipt {
        if (hex == null || !Hex.isSha256(hex)) {
            throw new InvalidReceipt(what + " must be 64 lower-case hex digits");
        }
        return Hex.decode(hex);
    }
}
