package io.eventpipe.relay.http;

import io.eventpipe.web.Bodies;
import io.eventpipe.web.JsonResponses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.common.json.InvalidJsonException;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.relay.devices.DeviceRegistrar;
import io.eventpipe.relay.devices.Registration;
import io.eventpipe.relay.devices.RegistrationProblem;
import java.io.IOException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** POST /v1/devices: register a device key with a solved challenge (CONTRACT 2.2). */
final class DevicesHandler extends Handler.Abstract {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final DeviceRegistrar registrar;

    DevicesHandler(DeviceRegistrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!JsonResponses.methodIs("POST", request, response, callback)) {
            return true;
        }
        if (!Bodies.isJson(request)) {
            JsonResponses.error(response, callback, 415, "unsupported_media_type", "send application/json");
            return true;
        }
        byte[] body = Bodies.readAtMost(request, MAX_BODY_BYTES);
        if (body == null) {
            JsonResponses.error(response, callback, 413, "too_large", "a registration is at most " + MAX_BODY_BYTES + " bytes");
            return true;
        }
        JsonNode json;
        try {
            json = Jcs.parse(body);
        } catch (InvalidJsonException e) {
            JsonResponses.error(response, callback, 400, "malformed_json", "the body is not valid JSON: " + e.getMessage());
            return true;
        }
        String challenge = text(json, "challenge");
        String nonce = text(json, "nonce");
        String publicKey = text(json, "publicKey");
        String signature = text(json, "signature");
        if (challenge == null || nonce == null || publicKey == null || signature == null) {
            JsonResponses.error(response, callback, 400, "invalid_request",
                    "challenge, nonce, publicKey and signature are required strings");
            return true;
        }
        try {
            Registration registration = registrar.register(challenge, nonce, publicKey, signature);
            ObjectNode answer = JsonResponses.JSON.createObjectNode()
                    .put("deviceId", registration.deviceId())
                    .put("certificate", registration.certificatePem());
            registration.chainPem().forEach(answer.putArray("chain")::add);
            answer.put("expiresAt", registration.expiresAt().toString());
            JsonResponses.send(response, callback, 201, answer);
        } catch (RegistrationProblem e) {
            JsonResponses.problem(response, callback, e);
        }
        return true;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
