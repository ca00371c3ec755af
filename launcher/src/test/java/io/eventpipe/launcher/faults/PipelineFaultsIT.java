package io.eventpipe.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.anchor.reconcile.Reconciler;
import io.eventpipe.launcher.dev.DevOptions;
import io.eventpipe.launcher.dev.DevStack;
import io.eventpipe.stack.Await;
import io.eventpipe.stack.ProjectHome;
import io.eventpipe.testkit.SteadyLoad;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: services killed with SIGKILL under steady load (the relay with requests in flight, the
 * processors mid-transaction, the anchor sink mid-batch, admin-service), each started again as it
 * was, then the broker itself killed and started again on its data. Afterwards
 * the reconciliation is clean (every accepted event validated, archived once, with a receipt that
 * verifies on the chain), clients saw only documented answers (no 500) and gave up on nothing.
 */
class PipelineFaultsIT {

    private static final Duration RECONCILED = Duration.ofMinutes(3);
    private static final int BETWEEN_FAULTS = 15;

    private static String event(String id) {
        return "{\"eventId\":\"" + id + "\",\"capturedAt\":\"2026-01-15T10:00:00Z\","
                + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},"
                + "\"annotations\":{\"species\":\"heron\",\"count\":1},\"media\":[]}";
    }

    @Test
    void killedServicesLoseNothing(@TempDir Path dir) throws Exception {
        Instant since = Instant.now();
        try (DevStack stack = DevStack.start(DevOptions.onFreePorts(ProjectHome.find(), dir.resolve("stack")))) {
            SteadyLoad load = SteadyLoad.start(stack.relayUrl(), 4, 8, PipelineFaultsIT::event);
            try {
                for (String service : new String[] {"stream-processors", "anchor-sink", "ingress-relay", "admin-service"}) {
                    awaitMoreAccepted(load, BETWEEN_FAULTS);
                    stack.killAndRestart(service);
                }
                awaitMoreAccepted(load, BETWEEN_FAULTS);
                stack.killAndRestartBroker();
                awaitMoreAccepted(load, BETWEEN_FAULTS);
            } finally {
                load.stop();
            }
            assertThat(load.abandoned()).as("events the devices gave up on; answers " + load.answers()).isEmpty();
            assertThat(load.answers().keySet()).as("answers the devices saw")
                    .allMatch(answer -> answer.equals("200") || answer.equals("202") || answer.equals("429") || answer.equals("503")
                            || answer.startsWith("no answer"));

            Reconciler reconciler = new Reconciler(new Reconciler.Sources(stack.kafkaBootstrapServers(), stack.registryUrl(),
                    stack.s3Settings(), stack.rpcUrl()));
            AtomicReference<Reconciler.Report> last = new AtomicReference<>();
            try {
                Await.until("every accepted event to account", RECONCILED, () -> {
                    last.set(reconciler.reconcile(since, load.accepted()));
                    return last.get().clean();
                });
            } catch (Await.TimeoutException e) {
                throw new AssertionError(last.get() == null ? "no reconciliation" : last.get().summary() + "\n" + last.get().findings(), e);
            }
            System.out.println("answers seen by the devices: " + load.answers());
            System.out.println("reconciliation: " + last.get().summary());
            assertThat(last.get().accepted()).isEqualTo(load.accepted().size());
            assertThat(last.get().receiptsVerified()).isEqualTo(load.accepted().size());
        }
    }

    private static void awaitMoreAccepted(SteadyLoad load, int more) {
        int target = load.accepted().size() + more;
        Await.until(more + " more events taken by the relay", Duration.ofSeconds(60), () -> load.accepted().size() >= target);
    }
}
