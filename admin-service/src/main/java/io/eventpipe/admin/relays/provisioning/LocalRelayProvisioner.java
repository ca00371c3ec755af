package io.eventpipe.admin.relays.provisioning;

import io.eventpipe.common.config.Secrets;
import io.eventpipe.common.process.JavaCommand;
import io.eventpipe.common.process.ManagedProcess;
import io.eventpipe.common.process.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts relays as processes of this machine, each in {@code {dir}/{relayId}/}: its port (kept,
 * so that the endpoint in its signed registry entry stays true across restarts), its pki
 * directory (the key it makes at enrollment), the token file it spends, its log. The processes
 * are children of admin-service and stop with it; enrolled relays start again with it.
 */
public final class LocalRelayProvisioner implements RelayProvisioner {

    static final String RELAY_MAIN = "io.eventpipe.relay.RelayApp";
    private static final Logger LOG = LoggerFactory.getLogger(LocalRelayProvisioner.class);
    private static final Pattern RELAY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final String PORT_FILE = "port";
    private static final String STOPPED_MARKER = "stopped";
    private static final String TOKEN_FILE = "enrollment.token";

    private final Path dir;
    private final LaunchSpec spec;
    private final String enrollmentUrl;
    private final Map<String, ManagedProcess> processes = new ConcurrentHashMap<>();

    public LocalRelayProvisioner(Path dir, LaunchSpec spec, String enrollmentUrl) {
        this.dir = dir;
        this.spec = spec;
        this.enrollmentUrl = enrollmentUrl;
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public synchronized String reserveEndpoint(String relayId) throws ProvisioningException {
        return endpoint(port(relayId));
    }

    @Override
    public synchronized Launched launch(String relayId, String enrollmentToken) throws ProvisioningException {
        Path tokenFile = relayDir(relayId).resolve(TOKEN_FILE);
        try {
            Secrets.writeOwnerOnly(tokenFile, enrollmentToken);
        } catch (IOException e) {
            throw ProvisioningException.failed("cannot hand the enrollment token to relay " + relayId + ": " + e.getMessage(), e);
        }
        return start(relayId, Map.of("EVENTPIPE_ENROLLMENT_URL", enrollmentUrl,
                "EVENTPIPE_ENROLLMENT_TOKEN_FILE", tokenFile.toAbsolutePath().toString()));
    }

    @Override
    public synchronized Launched reenroll(String relayId, String enrollmentToken) throws ProvisioningException {
        relayDir(relayId);
        ManagedProcess current = processes.remove(relayId);
        if (current != null) {
            current.close();
        }
        try {
            // the retired key goes first: the relay makes a new one when it enrolls with the new token
            for (String file : List.of("relay.key.pem", "relay.crt.pem", "root.crt.pem")) {
                Files.deleteIfExists(pkiDir(relayId).resolve(file));
            }
        } catch (IOException e) {
            throw ProvisioningException.failed("cannot retire the key of relay " + relayId + ": " + e.getMessage(), e);
        }
        return launch(relayId, enrollmentToken);
    }

    @Override
    public synchronized Launched restart(String relayId) throws ProvisioningException {
        relayDir(relayId);
        if (!Files.exists(pkiDir(relayId).resolve("relay.crt.pem"))) {
            throw ProvisioningException.conflict("relay " + relayId + " was not launched and enrolled by this provisioner");
        }
        ManagedProcess current = processes.get(relayId);
        if (current != null && current.isAlive()) {
            return launched(relayId, current);
        }
        return start(relayId, Map.of());
    }

    private Launched start(String relayId, Map<String, String> enrollment) throws ProvisioningException {
        int port = port(relayId);
        Path relayDir = relayDir(relayId);
        Map<String, String> env = new HashMap<>(spec.env());
        env.putAll(enrollment);
        env.put("EVENTPIPE_RELAY_ID", relayId);
        env.put("EVENTPIPE_HTTP_HOST", spec.host());
        env.put("EVENTPIPE_HTTP_PORT", Integer.toString(port));
        env.put("EVENTPIPE_RELAY_INSTANCE_ID", relayId + "@" + spec.host() + ":" + port);
        env.put("EVENTPIPE_PKI_DIR", pkiDir(relayId).toAbsolutePath().toString());
        try {
            Files.deleteIfExists(relayDir.resolve(STOPPED_MARKER));
            ManagedProcess process = ManagedProcess.start("relay " + relayId, JavaCommand.mainClass(spec.classpath(), RELAY_MAIN)
                    .jvm("-Xms32m", "-Xmx" + spec.heapMib() + "m", "-XX:+ExitOnOutOfMemoryError").toList(),
                    env, relayDir, relayDir.resolve("relay.log"));
            processes.put(relayId, process);
            LOG.info("relay {} started (pid {}) for {}", relayId, process.pid(), endpoint(port));
            return launched(relayId, process);
        } catch (IOException | RuntimeException e) {
            throw ProvisioningException.failed("cannot start relay " + relayId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Launched> status(String relayId) {
        ManagedProcess process = processes.get(relayId);
        if (process != null) {
            return Optional.of(launched(relayId, process));
        }
        Path portFile = dir.resolve(relayId).resolve(PORT_FILE);
        if (!RELAY_ID.matcher(relayId).matches() || !Files.exists(portFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Launched(relayId, endpoint(Integer.parseInt(Files.readString(portFile).trim())), -1, false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized boolean stop(String relayId) {
        ManagedProcess process = processes.remove(relayId);
        try {
            if (RELAY_ID.matcher(relayId).matches() && Files.isDirectory(dir.resolve(relayId))) {
                Files.writeString(dir.resolve(relayId).resolve(STOPPED_MARKER), "stopped by an administrator\n");
            }
        } catch (IOException e) {
            LOG.warn("relay {}: stop not recorded, it will start again with admin-service: {}", relayId, e.getMessage());
        }
        if (process == null) {
            return false;
        }
        boolean wasRunning = process.isAlive();
        process.close();
        return wasRunning;
    }

    @Override
    public void resume(Collection<String> relayIds) {
        for (String relayId : relayIds) {
            if (!RELAY_ID.matcher(relayId).matches() || !Files.exists(pkiDir(relayId).resolve("relay.crt.pem"))
                    || Files.exists(dir.resolve(relayId).resolve(STOPPED_MARKER))) {
                continue;
            }
            try {
                restart(relayId);
            } catch (ProvisioningException e) {
                LOG.warn("relay {} not started again: {}", relayId, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        processes.values().forEach(ManagedProcess::close);
        processes.clear();
    }

    private int port(String relayId) throws ProvisioningException {
        Path portFile = relayDir(relayId).resolve(PORT_FILE);
        try {
            if (Files.exists(portFile)) {
                return Integer.parseInt(Files.readString(portFile).trim());
            }
            int port = Ports.free();
            Files.writeString(portFile, Integer.toString(port));
            return port;
        } catch (IOException | NumberFormatException e) {
            throw ProvisioningException.failed("cannot reserve a port for relay " + relayId + ": " + e.getMessage(), e);
        }
    }

    private Path relayDir(String relayId) throws ProvisioningException {
        if (!RELAY_ID.matcher(relayId).matches()) {
            throw ProvisioningException.conflict("not a relay id: " + relayId);
        }
        try {
            return Files.createDirectories(dir.resolve(relayId));
        } catch (IOException e) {
            throw ProvisioningException.failed("cannot create the directory of relay " + relayId + ": " + e.getMessage(), e);
        }
    }

    private Path pkiDir(String relayId) {
        return dir.resolve(relayId).resolve("pki");
    }

    private String endpoint(int port) {
        return "http://" + spec.host() + ":" + port;
    }

    private Launched launched(String relayId, ManagedProcess process) {
        int port;
        try {
            port = Integer.parseInt(Files.readString(dir.resolve(relayId).resolve(PORT_FILE)).trim());
        } catch (IOException | NumberFormatException e) {
            port = -1;
        }
        return new Launched(relayId, endpoint(port), process.pid(), process.isAlive());
    }
}
