package io.eventpipe.anchor.anchoring;

import io.eventpipe.anchor.chain.ChainClient;

/**
 * The signer's next nonce, kept locally so that batches are sent back to back without waiting
 * for each other; read again from the node (pending count) after anything that may have
 * consumed or freed nonces behind our back (a start, a "nonce too low", a reorg).
 */
final class Nonces {

    private final ChainClient chain;
    private Long next;

    Nonces(ChainClient chain) {
        this.chain = chain;
    }

    long take() {
        if (next == null) {
            next = chain.pendingNonce();
        }
        return next++;
    }

    void resync() {
        next = null;
    }
}
