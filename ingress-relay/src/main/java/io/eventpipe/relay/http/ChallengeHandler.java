package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import io.eventpipe.relay.pow.Challenge;
import io.eventpipe.relay.pow.ChallengeService;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** GET /v1/challenge: a proof-of-work challenge (CONTRACT 2.1). */
final class ChallengeHandler extends Handler.Abstract {

    private final ChallengeService challenges;

    ChallengeHandler(ChallengeService challenges) {
        this.challenges = challenges;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        Challenge challenge = challenges.issue();
        JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode()
                .put("challenge", challenge.token())
                .put("difficulty", challenge.difficulty())
                .put("expiresAt", challenge.expiresAt().toString()));
        return true;
    }
}
