package io.eventpipe.relay.http;

import io.eventpipe.web.JettySignedRequest;
import io.eventpipe.web.JsonResponses;
import io.eventpipe.relay.auth.AuthProblem;
import io.eventpipe.relay.auth.AuthenticatedDevice;
import io.eventpipe.relay.auth.RequestAuthenticator;
import io.eventpipe.relay.redis.EventRecords;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * GET /v1/events/{eventId} (CONTRACT 2.5) on any relay, for the device that sent the event only:
 * another device's event answers 404, exactly as an unknown one, so existence does not leak.
 */
final class EventStatusHandler extends Handler.Abstract {

    private static final String PREFIX = "/v1/events/";
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final RequestAuthenticator authenticator;
    private final EventRecords records;

    EventStatusHandler(RequestAuthenticator authenticator, EventRecords records) {
        this.authenticator = authenticator;
        this.records = records;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!JsonResponses.methodIs("GET", request, response, callback)) {
            return true;
        }
        String eventId = io.eventpipe.web.RoutePaths.after(request.getHttpURI().getPath(), PREFIX);
        if (!EVENT_ID.matcher(eventId).matches()) {
            JsonResponses.error(response, callback, 404, "not_found", "no such event");
            return true;
        }
        AuthenticatedDevice device;
        try {
            device = authenticator.authenticate(new JettySignedRequest(request), null);
        } catch (AuthProblem e) {
            JsonResponses.problem(response, callback, e);
            return true;
        }
        Optional<Map<String, String>> record = records.get(eventId);
        if (record.isEmpty() || !device.deviceId().equals(record.get().get("deviceId"))) {
            JsonResponses.error(response, callback, 404, "not_found", "no such event for this device");
            return true;
        }
        JsonResponses.send(response, callback, 200, EventAnswers.status(eventId, record.get()));
        return true;
    }
}
