package io.eventpipe.testkit;

import io.eventpipe.common.process.Ports;
import io.eventpipe.stack.KafkaBroker;
import java.nio.file.Path;

/**
 * A Kafka broker of one test's own, stopped and started again on the same ports and data: clients
 * reach the address the broker advertises, so a proxy in front of the shared broker cannot stage a
 * Kafka outage.
 */
public final class StoppableBroker implements AutoCloseable {

    private final Path dir;
    private final int port = Ports.free();
    private final int controllerPort = Ports.free();
    private KafkaBroker broker;

    private StoppableBroker(Path dir) {
        this.dir = dir;
        restart();
    }

    public static StoppableBroker start(Path dir) {
        return new StoppableBroker(dir);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on the same ports and data (does nothing while it runs). */
    public synchronized void restart() {
        if (broker == null) {
            broker = KafkaBroker.start(dir.resolve("kafka"), port, controllerPort, dir.resolve("logs"));
        }
    }

    @Override
    public void close() {
        stop();
    }
}
