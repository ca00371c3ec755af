package io.eventpipe.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Every answer of an EventPipe HTTP API is JSON; errors are {"error": CODE, "message": TEXT, ...} (CONTRACT 2). */
public final class JsonResponses {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json";

    private JsonResponses() {
    }

    public static void send(Response response, Callback callback, int status, Object body) {
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            status = 500;
            json = "{\"error\":\"internal\",\"message\":\"response could not be written\"}";
        }
        response.setStatus(status);
        if (status >= 400 && hasBody(response.getRequest())) {
            // the body may be left unread: say the connection closes, so that no client reuses it for its next request
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, json, callback);
    }

    private static boolean hasBody(org.eclipse.jetty.server.Request request) {
        return request != null && (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }

    public static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("error", code).put("message", message);
    }

    public static void error(Response response, Callback callback, int status, String code, String message) {
        send(response, callback, status, error(code, message));
    }

    /** False, after answering 405 with the Allow header, when the request's method is not the route's. */
    public static boolean methodIs(String method, org.eclipse.jetty.server.Request request, Response response, Callback callback) {
        if (method.equals(request.getMethod())) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, method);
        error(response, callback, 405, "method_not_allowed", "use " + method);
        return false;
    }

    /** A refusal as its JSON answer; a 429 or 503 carries its Retry-After. */
    public static void problem(Response response, Callback callback, HttpProblem problem) {
        if (problem.retryAfterSeconds() > 0) {
            retryLater(response, callback, problem.status(), problem.code(), problem.getMessage(), (int) problem.retryAfterSeconds());
        } else {
            error(response, callback, problem.status(), problem.code(), problem.getMessage());
        }
    }

    /** 429 and 503 tell the client when to come back. */
    public static void retryLater(Response response, Callback callback, int status, String code, String message, int seconds) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(seconds));
        send(response, callback, status, error(code, message).put("retryAfterSeconds", seconds));
    }
}
