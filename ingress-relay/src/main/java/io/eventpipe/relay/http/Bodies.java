package io.eventpipe.relay.http;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reading small request bodies (JSON) with a hard limit; media are streamed elsewhere. */
final class Bodies {

    private Bodies() {
    }

    /** The body, or null when it is longer than the limit (chunked bodies have no length up front). */
    static byte[] readAtMost(Request request, int limit) throws IOException {
        if (request.getLength() > limit) {
            return null;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    static boolean isJson(Request request) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        return contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json");
    }
}
