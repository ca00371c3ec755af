package io.eventpipe.launcher.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevAnchorKeyTest {

    /** Anvil's first dev account: its well-known private key and address (Foundry documents both). */
    @Test
    void derivesTheEthereumAddressOfAKnownKey() {
        BigInteger key = new BigInteger("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 16);
        assertThat(DevAnchorKey.addressOf(key)).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    }

    @Test
    void theKeyIsMadeOnceKeptPrivateAndNeverShown(@TempDir Path dir) throws Exception {
        DevAnchorKey first = DevAnchorKey.ensure(dir);
        assertThat(DevAnchorKey.ensure(dir)).isEqualTo(first);
        assertThat(first.privateKeyHex()).matches("[0-9a-f]{64}");
        assertThat(Files.getPosixFilePermissions(dir.resolve("anchor.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first.toString()).doesNotContain(first.privateKeyHex()).contains(first.address());
    }
}
