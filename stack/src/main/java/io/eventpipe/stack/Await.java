package io.eventpipe.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, polling. The one way EventPipe's code and tests wait
 * for something to become true: never a bare sleep.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(50);

    private Await() {
    }

    /** Polls until the condition holds; fails with the description when the deadline passes. */
    public static void until(String description, Duration timeout, BooleanSupplier condition) {
        until(description, timeout, POLL, condition);
    }

    /** Polls every poll (a measurement that needs finer steps than the default) until the condition holds. */
    public static void until(String description, Duration timeout, Duration poll, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                last = null;
            } catch (RuntimeException e) {
                last = e; // not ready yet: the server may still be starting
            }
            pause(poll);
        }
        throw new TimeoutException("timed out after " + timeout.toSeconds() + " s waiting for " + description, last);
    }

    /** Polls until the supplier yields a non-null value, and returns it. */
    public static <T> T value(String description, Duration timeout, Supplier<T> supplier) {
        Object[] holder = new Object[1];
        until(description, timeout, () -> {
            holder[0] = supplier.get();
            return holder[0] != null;
        });
        @SuppressWarnings("unchecked")
        T value = (T) holder[0];
        return value;
    }

    private static void pause(Duration poll) {
        LockSupport.parkNanos(poll.toNanos());
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted while waiting");
        }
    }

    /** The deadline passed; the cause is the last failure seen while polling, if any. */
    public static final class TimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
