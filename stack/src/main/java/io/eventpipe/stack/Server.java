package io.eventpipe.stack;

/** A running server of the stack. Closing it stops it and waits until it has stopped. */
public interface Server extends AutoCloseable {

    /** Short name, e.g. "kafka". */
    String name();

    /** Where clients reach it: a URL or host:port. */
    String address();

    @Override
    void close();
}
