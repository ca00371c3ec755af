package io.eventpipe.web;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (unknown path, bad HTTP, headers too large, failures) as the JSON of
 * CONTRACT 2, never an HTML page or a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object attribute = request.getAttribute(ERROR_STATUS);
        int status = attribute instanceof Integer code ? code : response.getStatus();
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        String code = switch (status) {
            case HttpStatus.NOT_FOUND_404 -> "not_found";
            case HttpStatus.METHOD_NOT_ALLOWED_405 -> "method_not_allowed";
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "too_large";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "headers_too_large";
            case HttpStatus.BAD_REQUEST_400 -> "bad_request";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
        String message = status >= 500 ? "the server could not handle the request" : HttpStatus.getMessage(status);
        JsonResponses.error(response, callback, status, code, message);
        return true;
    }
}
