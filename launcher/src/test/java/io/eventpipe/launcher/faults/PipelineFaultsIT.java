package io.eventpipe.launcher.faults;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: services killed with SIGKILL under steady load (the relay with requests in flight, the
 * processors mid-transaction, the anchor sink mid-batch, admin-service), each started again as it
 * was, then the broker itself killed and started again on its data; nothing lost (FaultRun).
 */
class PipelineFaultsIT {

    private static final int BETWEEN_FAULTS = 15;

    @Test
    void killedServicesAndBrokerLoseNothing(@TempDir Path dir) throws Exception {
        try (FaultRun run = new FaultRun(dir)) {
            for (String service : new String[] {"stream-processors", "anchor-sink", "ingress-relay", "admin-service"}) {
                run.awaitMoreAccepted(BETWEEN_FAULTS);
                run.stack().killAndRestart(service);
            }
            run.awaitMoreAccepted(BETWEEN_FAULTS);
            run.stack().killAndRestartBroker();
            run.awaitMoreAccepted(BETWEEN_FAULTS);
            run.assertNothingLost();
        }
    }
}
