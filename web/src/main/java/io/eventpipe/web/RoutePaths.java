package io.eventpipe.web;

/**
 * The part of a request path after a route's prefix. A "/v1/x/*" route also matches "/v1/x" itself,
 * which is shorter than the prefix "/v1/x/": that is an empty rest (answered 404 or 400 by the
 * handler), not an exception (it was a 500 until the fuzzing of issue 10 sent it).
 */
public final class RoutePaths {

    private RoutePaths() {
    }

    public static String after(String path, String prefix) {
        return path.length() > prefix.length() && path.startsWith(prefix) ? path.substring(prefix.length()) : "";
    }
}
