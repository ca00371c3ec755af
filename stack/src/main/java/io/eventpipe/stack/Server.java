package io.eventpipe.stack;

/** A running server of the stack. Closing it stops it and waits until it has stopped. */
public interface Server extends AutoCloseable {

    /** Short name, e.g. "kafka". */
    String name();

    /** Where clients reach it: a URL or host:port. */
    String address();

    @Override
    void close();

    /** Closes the server; a failure is logged, so that stopping the others goes on. */
    static void closeQuietly(Server server) {
        try {
            server.close();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Server.class).warn("{} did not stop cleanly: {}", server.name(), e.toString());
        }
    }
}
