package io.eventpipe.common.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process of the stack, its output in a log file. Every live child is stopped by a JVM
 * shutdown hook, so neither Ctrl-C on the launcher nor the end of a test run leaves one behind.
 * Where the platform allows (Linux setpriv), a child also gets SIGTERM when the JVM dies without
 * running its hooks (SIGKILL, a crash): children are spawned from one thread that lives as long
 * as the JVM, because the kernel's parent-death signal follows the spawning thread.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
    private static final long GRACE_SECONDS = 30;
    private static final Set<ManagedProcess> LIVE = Collections.synchronizedSet(new LinkedHashSet<>());
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eventpipe-spawner");
        thread.setDaemon(true);
        return thread;
    });
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ManagedProcess::stopAll, "eventpipe-stop-children"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts the command with its output appended to the log file. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(withParentDeathSignal(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(env);
            ManagedProcess managed = new ManagedProcess(name, spawn(builder), logFile);
            LIVE.add(managed);
            LOG.debug("started {} (pid {}), log {}", name, managed.pid(), logFile);
            return managed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private static Process spawn(ProcessBuilder builder) throws IOException {
        try {
            return SPAWNER.submit(builder::start).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + builder.command().get(0), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static List<String> withParentDeathSignal(List<String> command) {
        if (!Files.isExecutable(SETPRIV)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(SETPRIV.toString(), "--pdeathsig", "TERM", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs a command to completion (a setup step), failing with the tail of its log. */
    public static void runToCompletion(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile,
                                       long timeoutSeconds) {
        ManagedProcess step = start(name, command, env, workDir, logFile);
        try {
            if (!step.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                step.close();
                throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s; see " + logFile);
            }
            if (step.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + step.process.exitValue() + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            step.close();
            throw new IllegalStateException("interrupted while running " + name, e);
        } finally {
            LIVE.remove(step);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Fails fast with the log's location when the process died while we waited for it. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
        }
    }

    /** SIGTERM, a grace period for a clean shutdown, then SIGKILL of whatever is left of the tree. */
    @Override
    public void close() {
        LIVE.remove(this);
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{} did not stop within {} s, killing it", name, GRACE_SECONDS);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL of the process and its children, as a crash or the OOM killer would end it; returns once it is gone. */
    public void kill() {
        LIVE.remove(this);
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every live child, the last started first: services before the servers they use. */
    public static void stopAll() {
        List<ManagedProcess> live;
        synchronized (LIVE) {
            live = new ArrayList<>(LIVE);
        }
        Collections.reverse(live);
        live.forEach(ManagedProcess::close);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
