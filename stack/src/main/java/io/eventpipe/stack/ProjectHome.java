package io.eventpipe.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the EventPipe checkout: the {@code eventpipe.home} property when set (the
 * ./eventpipe script sets it), else the nearest directory upwards holding the ./eventpipe script.
 */
public final class ProjectHome {

    private ProjectHome() {
    }

    public static Path find() {
        String configured = System.getProperty("eventpipe.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("eventpipe")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside an EventPipe checkout: set -Deventpipe.home");
    }
}
