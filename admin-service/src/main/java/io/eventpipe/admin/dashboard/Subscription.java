package io.eventpipe.admin.dashboard;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One dashboard viewer's stream: the items its filter matches, queued up to a bound. A viewer
 * that cannot keep up is not allowed to hold the feed back: it is marked overflowed and its
 * stream ends (the app reconnects and gets the backlog).
 */
public final class Subscription implements AutoCloseable {

    static final int QUEUE_BOUND = 1000;

    private final FeedFilter filter;
    private final BlockingQueue<FeedItem> queue = new ArrayBlockingQueue<>(QUEUE_BOUND);
    private final Runnable onClose;
    private volatile boolean overflowed;

    Subscription(FeedFilter filter, Runnable onClose) {
        this.filter = filter;
        this.onClose = onClose;
    }

    void offer(FeedItem item) {
        if (filter.matches(item) && !queue.offer(item)) {
            overflowed = true;
        }
    }

    /** The next item within the wait, or null. */
    public FeedItem next(Duration wait) throws InterruptedException {
        return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean overflowed() {
        return overflowed;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
