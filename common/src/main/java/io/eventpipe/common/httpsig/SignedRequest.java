package io.eventpipe.common.httpsig;

import java.net.URI;
import java.util.List;

/**
 * What signing and verification need of an HTTP request: its method, the target URI as the
 * client addressed it, and its header values by lower-case name (all values of repeated fields).
 */
public interface SignedRequest {

    String method();

    URI targetUri();

    List<String> headerValues(String lowerCaseName);

    /** A request as plain values, for clients and tests. */
    static SignedRequest of(String method, URI targetUri, java.util.Map<String, List<String>> headers) {
        java.util.Map<String, List<String>> lower = new java.util.HashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(java.util.Locale.ROOT), values,
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return new SignedRequest() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public URI targetUri() {
                return targetUri;
            }

            @Override
            public List<String> headerValues(String lowerCaseName) {
                return lower.getOrDefault(lowerCaseName, List.of());
            }
        };
    }
}
