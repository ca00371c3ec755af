package io.eventpipe.launcher.dev;

import io.eventpipe.common.process.JavaCommand;
import io.eventpipe.common.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one EventPipe service module as its own JVM, from what the build left in its target/
 * directory (the module jar and the resolved classpath), configured by EVENTPIPE_* variables.
 */
final class ServiceProcess {

    /** Every service is built to run in 256 MiB of heap (issue 3: 25 MiB uploads, many at once). */
    static final int HEAP_MIB = 256;

    private ServiceProcess() {
    }

    static ManagedProcess start(Path home, String module, String mainClass, Map<String, String> env, Path dataDir, Path logDir) {
        String classpath = classpath(home, module);
        return ManagedProcess.start(module,
                JavaCommand.mainClass(classpath, mainClass)
                        .jvm("-Xms64m", "-Xmx" + HEAP_MIB + "m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError")
                        .toList(),
                env, dataDir, logDir.resolve(module + ".log"));
    }

    /** The module's jar and its dependencies, as the build left them. */
    static String classpath(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        return jar(target, module) + java.io.File.pathSeparator + readClasspath(target, module);
    }

    private static String jar(Path target, String module) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("eventpipe-.*-SNAPSHOT\\.jar|eventpipe-.*\\d\\.jar"))
                    .findFirst().orElseThrow(() -> notBuilt(module)).toString();
        } catch (IOException e) {
            throw notBuilt(module);
        }
    }

    private static String readClasspath(Path target, String module) {
        try {
            return Files.readString(target.resolve("classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no classpath for " + module + "; build it with: mvn -DskipTests package", e);
        }
    }

    private static IllegalStateException notBuilt(String module) {
        return new IllegalStateException(module + " is not built; run: mvn -DskipTests package");
    }
}
