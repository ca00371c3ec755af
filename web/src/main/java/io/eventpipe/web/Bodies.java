package io.eventpipe.web;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reading small request bodies (JSON) with a hard limit; media are streamed elsewhere. */
public final class Bodies {

    private Bodies() {
    }

    /** The body, or null when it is longer than the limit (chunked bodies have no length up front). */
    public static byte[] readAtMost(Request request, int limit) throws IOException {
        if (request.getLength() > limit) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    /** A small JSON body: null when it is not declared JSON, is longer than the limit or does not parse. */
    public static com.fasterxml.jackson.databind.JsonNode readJson(Request request, int limit) throws IOException {
        byte[] body = isJson(request) ? readAtMost(request, limit) : null;
        if (body == null) {
            return null;
        }
        try {
            return JsonResponses.JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** The media type of the body, lower case, without parameters; "" when there is none. */
    public static String mediaType(Request request) {
        String value = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return value == null ? "" : value.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean isJson(Request request) {
        return "application/json".equals(mediaType(request));
    }
}
