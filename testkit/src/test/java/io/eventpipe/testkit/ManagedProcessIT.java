package io.eventpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.stack.Await;
import io.eventpipe.common.process.JavaCommand;
import io.eventpipe.common.process.ManagedProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessIT {

    /** A JVM killed with SIGKILL runs no hook; its children must still go (Linux parent-death signal). */
    @Test
    void childrenDieWithAKilledParent(@TempDir Path dir) throws Exception {
        Process parent = new ProcessBuilder(JavaCommand.mainClass(System.getProperty("java.class.path"),
                ParentDeathProbe.class.getName()).args(dir.toString()).toList()).redirectErrorStream(true).start();
        long sleeperPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            sleeperPid = Long.parseLong(out.readLine().trim());
        }
        ProcessHandle sleeper = ProcessHandle.of(sleeperPid).orElseThrow();
        assertThat(sleeper.isAlive()).isTrue();

        parent.destroyForcibly();
        assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Await.until("the orphaned child to exit", Duration.ofSeconds(10), () -> !sleeper.isAlive());
    }

    @Test
    void closeStopsTheProcessAndReportsFailuresWithTheLog(@TempDir Path dir) {
        ManagedProcess sleeper = ManagedProcess.start("sleeper", List.of("sleep", "600"), Map.of(), dir, dir.resolve("s.log"));
        assertThat(sleeper.isAlive()).isTrue();
        sleeper.close();
        assertThat(sleeper.isAlive()).isFalse();

        ManagedProcess failing = ManagedProcess.start("failing", List.of("sh", "-c", "echo broken; exit 3"), Map.of(), dir,
                dir.resolve("f.log"));
        Await.until("the failing process to exit", Duration.ofSeconds(10), () -> !failing.isAlive());
        org.assertj.core.api.Assertions.assertThatThrownBy(failing::checkAlive)
                .hasMessageContaining("exited with code 3").hasMessageContaining("f.log");
    }
}
