package io.eventpipe.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.stack.ChainTools;
import io.eventpipe.stack.ProjectHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The committed contract artifact is what solc makes of the committed Solidity source: they cannot drift apart. */
class ContractArtifactIT {

    @Test
    void theCompiledArtifactMatchesTheSource() throws Exception {
        ChainTools.anvilBinary(); // installs tools/chain (solc) when missing
        Path home = ProjectHome.find();
        Process compile = new ProcessBuilder("node", "tools/chain/compile.js", "anchor-sink/src/main/solidity/EventPipeAnchor.sol",
                "EventPipeAnchor").directory(home.toFile()).redirectErrorStream(true).start();
        String compiled = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(compile.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(compile.exitValue()).as(compiled).isZero();
        String committed = Files.readString(home.resolve("anchor-sink/src/main/resources/contracts/EventPipeAnchor.json"));
        assertThat(compiled).as("regenerate with: node tools/chain/compile.js anchor-sink/src/main/solidity/EventPipeAnchor.sol "
                + "EventPipeAnchor > anchor-sink/src/main/resources/contracts/EventPipeAnchor.json").isEqualTo(committed);
    }
}
