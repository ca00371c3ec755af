package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import io.eventpipe.relay.redis.SharedState;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without Redis a relay cannot tell a spent challenge or a replayed signature from a fresh one,
 * so it lets nothing in: 503 with Retry-After instead of an open door.
 */
final class SharedStateGuard extends Handler.Wrapper {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SharedStateGuard.class);

    SharedStateGuard(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            return super.handle(request, response, callback);
        } catch (SharedState.Unavailable e) {
            LOG.warn("refusing {} {}: {}", request.getMethod(), request.getHttpURI().getPath(), e.getMessage());
            JsonResponses.retryLater(response, callback, 503, "unavailable", "the relay cannot check requests right now",
                    RETRY_AFTER_SECONDS);
            return true;
        }
    }
}
