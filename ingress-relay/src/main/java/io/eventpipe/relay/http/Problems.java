package io.eventpipe.relay.http;

import io.eventpipe.relay.auth.AuthProblem;
import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** An authentication problem as its JSON answer; a 429 carries its Retry-After. */
final class Problems {

    private Problems() {
    }

    static void send(Response response, Callback callback, AuthProblem problem) {
        if (problem.retryAfterSeconds() > 0) {
            JsonResponses.retryLater(response, callback, problem.status(), problem.code(), problem.getMessage(),
                    (int) problem.retryAfterSeconds());
        } else {
            JsonResponses.error(response, callback, problem.status(), problem.code(), problem.getMessage());
        }
    }
}
