package io.eventpipe.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The npm packages of tools/chain (anvil's binary, solc). Installed with {@code npm ci} from the
 * committed lock file the first time they are needed; install scripts are not run, since the
 * binaries ship inside the packages.
 */
public final class ChainTools {

    private static final long INSTALL_TIMEOUT_SECONDS = 600;

    private ChainTools() {
    }

    public static Path directory() {
        return ProjectHome.find().resolve("tools").resolve("chain");
    }

    public static synchronized Path anvilBinary() {
        Path binary = directory().resolve("node_modules/@foundry-rs/" + platformPackage() + "/bin/anvil");
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

    private static String platformPackage() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch");
        String platform = os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux";
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        return "anvil-" + platform + "-" + cpu;
    }
}
