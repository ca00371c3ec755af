package io.eventpipe.relay.http;

import io.eventpipe.web.JsonResponses;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * GET /v1/app-config: what the capture app needs beyond the device API: the Ethereum JSON-RPC
 * endpoint it looks receipts' roots up at (app.chain.rpc.url; empty: the app checks proofs only).
 */
final class AppConfigHandler extends Handler.Abstract {

    private final String chainRpcUrl;

    AppConfigHandler(String chainRpcUrl) {
        this.chainRpcUrl = chainRpcUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        JsonResponses.send(response, callback, 200, JsonResponses.JSON.createObjectNode()
                .put("chainRpcUrl", chainRpcUrl.isBlank() ? null : chainRpcUrl));
        return true;
    }
}
