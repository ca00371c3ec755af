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

/**
 * A fault test's frame: a fresh local stack, devices sending events steadily through whatever the
 * test does to it, and at the end the checks every fault must pass: nothing given up, only
 * documented answers (200, 202, 429, 503 or a dropped connection, never a 500), and a clean
 * reconciliation of every accepted event.
 */
final class FaultRun implements AutoCloseable {

    private static final Duration RECONCILED = Duration.ofMinutes(3);

    private final Instant since = Instant.now();
    private final DevStack stack;
    private final SteadyLoad load;

    FaultRun(Path dir) throws Exception {
        this.stack = DevStack.start(DevOptions.onFreePorts(ProjectHome.find(), dir.resolve("stack")));
        try {
            this.load = SteadyLoad.start(stack.relayUrl(), 4, 8, FaultRun::event);
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    DevStack stack() {
        return stack;
    }

    static String event(String id) {
        return "{\"eventId\":\"" + id + "\",\"capturedAt\":\"2026-01-15T10:00:00Z\","
                + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},"
                + "\"annotations\":{\"species\":\"heron\",\"count\":1},\"media\":[]}";
    }

    void awaitMoreAccepted(int more) {
        int target = load.accepted().size() + more;
        Await.until(more + " more events taken by the relay", Duration.ofSeconds(90), () -> load.accepted().size() >= target);
    }

    /** Keeps a fault in place for its duration while the load goes on (the scenario's length, not a synchronisation). */
    static void hold(Duration outage) {
        Instant end = Instant.now().plus(outage);
        Await.until("the outage to last " + outage.toSeconds() + " s", outage.plusSeconds(10), () -> Instant.now().isAfter(end));
    }

    /** Stops the load and checks the answers, then reconciles every accepted event. */
    void assertNothingLost() throws InterruptedException {
        load.stop();
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

    @Override
    public void close() throws Exception {
        try {
            load.close();
        } finally {
            stack.close();
        }
    }
}
