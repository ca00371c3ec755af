package io.eventpipe.launcher.faults;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the object store, Redis, PostgreSQL and the Ethereum node each away for 30 s under
 * steady load, one after the other, each started again on its data; the services recover by
 * themselves and nothing is lost (FaultRun).
 */
class DependencyOutagesIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int BETWEEN_OUTAGES = 15;

    @Test
    void thirtySecondOutagesLoseNothing(@TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(dir)) {
            for (String server : new String[] {"s3", "redis", "postgres", "ethereum"}) {
                run.awaitMoreAccepted(BETWEEN_OUTAGES);
                run.stack().stopServer(server);
                FaultRun.hold(OUTAGE);
                run.stack().startServer(server);
            }
            run.awaitMoreAccepted(BETWEEN_OUTAGES);
            run.assertNothingLost();
        }
    }
}
