package io.eventpipe.stack;

import io.eventpipe.common.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The npm packages of tools/chain (anvil's Linux x86-64 binary, solc). Installed with
 * {@code npm ci} from the committed lock file the first time they are needed; install scripts
 * are not run, since the binary ships inside the package. On other platforms, or to use
 * another anvil, set EVENTPIPE_ANVIL_BIN.
 */
public final class ChainTools {

    private static final long INSTALL_TIMEOUT_SECONDS = 600;

    private ChainTools() {
    }

    public static Path directory() {
        return ProjectHome.find().resolve("tools").resolve("chain");
    }

    public static final String ANVIL_BIN_ENV = "EVENTPIPE_ANVIL_BIN";

    public static synchronized Path anvilBinary() {
        String configured = System.getenv(ANVIL_BIN_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path binary = directory().resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
        if (!Files.isExecutable(binary)) {
            install();
        }
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("anvil is not at " + binary + " after npm ci in " + directory());
        }
        return binary;
    }

    public static synchronized void install() {
        Path dir = directory();
        ManagedProcess.runToCompletion("npm-ci-chain-tools",
                List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
                Map.of(), dir, dir.resolve("npm-install.log"), INSTALL_TIMEOUT_SECONDS);
    }
}
