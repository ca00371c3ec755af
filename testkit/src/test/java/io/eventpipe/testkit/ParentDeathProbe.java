package io.eventpipe.testkit;

import io.eventpipe.common.process.ManagedProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Run in a JVM of its own by ManagedProcessIT: starts a long sleep as a child, prints its pid, waits. */
public final class ParentDeathProbe {

    private ParentDeathProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        ManagedProcess sleeper = ManagedProcess.start("sleeper", List.of("sleep", "600"), Map.of(), dir, dir.resolve("sleeper.log"));
        System.out.println(sleeper.pid());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
