package io.eventpipe.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.anchor.config.AnchorConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

class SignerKeysTest {

    private static AnchorConfig config(Map<String, String> signer) {
        Map<String, String> env = new HashMap<>(Map.of("EVENTPIPE_S3_ACCESS_KEY", "a", "EVENTPIPE_S3_SECRET_KEY", "b"));
        env.putAll(signer);
        return AnchorConfig.load(null, env);
    }

    @Test
    void aKeystoreFileAndItsPasswordGiveTheKey(@TempDir Path dir) throws Exception {
        String file = WalletUtils.generateNewWalletFile("correct horse", dir.toFile(), false);
        Credentials expected = WalletUtils.loadCredentials("correct horse", dir.resolve(file).toFile());
        Credentials loaded = SignerKeys.load(config(Map.of("EVENTPIPE_SIGNER_KEYSTORE", dir.resolve(file).toString(),
                "EVENTPIPE_SIGNER_KEYSTORE_PASSWORD", "correct horse")));
        assertThat(loaded.getAddress()).isEqualTo(expected.getAddress());

        assertThatThrownBy(() -> SignerKeys.load(config(Map.of("EVENTPIPE_SIGNER_KEYSTORE", dir.resolve(file).toString(),
                "EVENTPIPE_SIGNER_KEYSTORE_PASSWORD", "wrong battery")))).hasMessageContaining("cannot open the signer keystore")
                .hasMessageNotContaining("wrong battery");
    }

    @Test
    void aHexKeyFromTheEnvironment() {
        // the private key of Ethereum's well-known web3 test vector and its address
        Credentials loaded = SignerKeys.load(config(Map.of("EVENTPIPE_SIGNER_PRIVATE_KEY",
                "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")));
        assertThat(loaded.getAddress()).isEqualTo("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23");
        assertThatThrownBy(() -> SignerKeys.load(config(Map.of("EVENTPIPE_SIGNER_PRIVATE_KEY", "not-a-key"))))
                .hasMessageContaining("not a 32-byte hex private key").hasMessageNotContaining("not-a-key");
    }
}
