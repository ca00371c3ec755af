package io.eventpipe.admin.relays.provisioning;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How the local provisioner starts a relay process: its classpath, heap, the address it binds and
 * the settings every relay of the stack shares (Kafka over mutual TLS, registry, Redis, S3, the
 * proof-of-work secret) as EVENTPIPE_* variables. Read from a properties file the local stack
 * writes owner-only (it holds secrets): {@code classpath}, {@code heap.mib}, {@code host},
 * {@code env.EVENTPIPE_...}. Never printed with its values.
 */
public record LaunchSpec(String classpath, int heapMib, String host, Map<String, String> env) {

    private static final String ENV_PREFIX = "env.";

    public LaunchSpec {
        env = Map.copyOf(env);
    }

    public static LaunchSpec load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        String classpath = properties.getProperty("classpath", "").trim();
        if (classpath.isEmpty()) {
            throw new IOException(file + " names no classpath for relay processes");
        }
        Map<String, String> env = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(ENV_PREFIX)) {
                env.put(key.substring(ENV_PREFIX.length()), properties.getProperty(key));
            }
        }
        return new LaunchSpec(classpath, Integer.parseInt(properties.getProperty("heap.mib", "256").trim()),
                properties.getProperty("host", "127.0.0.1").trim(), env);
    }

    @Override
    public String toString() {
        return "LaunchSpec[host=" + host + ", heap=" + heapMib + " MiB, settings=" + env.keySet() + "]";
    }
}
