package io.eventpipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.bench.scenarios.Soak;
import io.eventpipe.stack.ProjectHome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak's short variant (issue 10; scripts/soak.sh runs 30 minutes): windows with answers, heap and lag, no 5xx. */
class SoakIT {

    @Test
    void aShortSoakReportsEveryWindow(@TempDir Path dir) throws Exception {
        SoakMain.Result result = SoakMain.run(ProjectHome.find(), dir.resolve("stack"), Duration.ofSeconds(20), 10.0);
        assertThat(result.windows()).hasSizeGreaterThanOrEqualTo(4);
        long answered = result.windows().stream().flatMap(w -> w.answers().values().stream()).mapToLong(Long::longValue).sum();
        assertThat(answered).as("answers over 20 s at 10/s").isGreaterThan(150);
        assertThat(result.serverErrors()).isZero();
        Soak.Window last = result.windows().get(result.windows().size() - 1);
        assertThat(last.heapMib()).containsKeys("ingress-relay", "stream-processors", "anchor-sink", "admin-service");
        assertThat(last.heapMib().values()).allMatch(heap -> heap > 0);
        assertThat(last.lag()).containsKeys("eventpipe-validator", "eventpipe-archiver", "eventpipe-anchor-sink");
        assertThat(SoakMain.markdown(result)).contains("| window end |", "server errors (5xx other than 503): 0");
    }
}
