package io.eventpipe.anchor.chain;

import io.eventpipe.anchor.config.AnchorConfig;
import java.io.IOException;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/** The anchoring key: from a web3 keystore file (and password) or a hex private key in the environment. */
public final class SignerKeys {

    private SignerKeys() {
    }

    public static Credentials load(AnchorConfig config) {
        if (config.signerKeystore() != null) {
            try {
                return WalletUtils.loadCredentials(config.signerKeystorePassword(), config.signerKeystore().toFile());
            } catch (IOException | CipherException e) {
                // the message of a wrong password names no secret
                throw new IllegalArgumentException("cannot open the signer keystore " + config.signerKeystore() + ": "
                        + e.getClass().getSimpleName(), e);
            }
        }
        String key = config.signerPrivateKey().startsWith("0x") ? config.signerPrivateKey().substring(2) : config.signerPrivateKey();
        if (!WalletUtils.isValidPrivateKey(key)) {
            throw new IllegalArgumentException("signer.private.key is not a 32-byte hex private key");
        }
        return Credentials.create(key);
    }
}
