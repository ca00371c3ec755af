package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import io.eventpipe.relay.ratelimit.Decision;
import io.eventpipe.relay.ratelimit.Limit;
import io.eventpipe.relay.ratelimit.RateLimiter;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Limits by client address before anything else runs: every route, and more tightly the
 * unauthenticated ones that cost the relay work (challenges, registrations). Limits by device
 * apply after authentication (RequestAuthenticator). Management routes are not limited.
 */
final class RateLimitHandler extends Handler.Wrapper {

    private static final Set<String> REGISTRATION_PATHS = Set.of("/v1/challenge", "/v1/devices");
    private static final Set<String> UNLIMITED_PATHS = Set.of("/health", "/ready", "/metrics");

    private final RateLimiter limiter;
    private final Limit perAddress;
    private final Limit registrations;

    RateLimitHandler(Handler handler, RateLimiter limiter, Limit perAddress, Limit registrations) {
        super(handler);
        this.limiter = limiter;
        this.perAddress = perAddress;
        this.registrations = registrations;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (!UNLIMITED_PATHS.contains(path)) {
            String address = Request.getRemoteAddr(request);
            Decision decision = limiter.take(perAddress, address);
            if (decision.allowed() && REGISTRATION_PATHS.contains(path)) {
                decision = limiter.take(registrations, address);
            }
            if (!decision.allowed()) {
                JsonResponses.retryLater(response, callback, 429, "rate_limited", "too many requests; retry later",
                        (int) decision.retryAfterSeconds());
                return true;
            }
        }
        return super.handle(request, response, callback);
    }
}
