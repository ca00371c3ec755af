package io.eventpipe.launcher.dev;

import io.eventpipe.common.config.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The file admin-service's local provisioner reads to start more relays of this stack: the
 * relay's classpath and heap, and the settings every relay shares. Owner-only: it holds the
 * proof-of-work secret and the S3 key. Written at each start, as ports and paths may change.
 */
final class RelayLaunchFile {

    static final String NAME = "launch.properties";

    private RelayLaunchFile() {
    }

    static Path write(Path dir, String classpath, int heapMib, Map<String, String> relayEnv) {
        Properties properties = new Properties();
        properties.setProperty("classpath", classpath);
        properties.setProperty("heap.mib", Integer.toString(heapMib));
        properties.setProperty("host", "127.0.0.1");
        relayEnv.forEach((name, value) -> properties.setProperty("env." + name, value));
        Path file = dir.resolve(NAME);
        try {
            Files.createDirectories(dir);
            StringWriter text = new StringWriter();
            properties.store(text, "relays launched by admin-service (relay.provisioner=local); written by ./eventpipe dev");
            Secrets.writeOwnerOnly(file, text.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
