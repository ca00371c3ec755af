package io.eventpipe.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A readiness probe over HTTP: true when GET url answers 200 within two seconds. */
public final class HttpProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private HttpProbe() {
    }

    public static boolean isOk(String url) {
        return status(url, Duration.ofSeconds(2)) == 200;
    }

    /** The status GET url answers within the timeout; -1 when it does not answer. */
    public static int status(String url, Duration timeout) {
        return get(url, timeout).status();
    }

    /** What GET url answers within the timeout; status -1 and an empty body when it does not answer. */
    public static Answer get(String url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    /** A status and its body. */
    public record Answer(int status, String body) {
    }
}
