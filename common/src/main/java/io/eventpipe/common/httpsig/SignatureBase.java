package io.eventpipe.common.httpsig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The signature base of RFC 9421 section 2.5: one line per covered component, then the
 * "@signature-params" line. Derived components supported: @method, @target-uri, @authority,
 * @scheme, @path, @query; header fields by name. Component parameters (;sf, ;key, ;bs, ;req,
 * ;tr) are refused rather than half-supported.
 */
public final class SignatureBase {

    private SignatureBase() {
    }

    public static byte[] build(SignedRequest request, List<StructuredFields.Item> components, String signatureParams) {
        StringBuilder base = new StringBuilder();
        for (StructuredFields.Item component : components) {
            if (!(component.value() instanceof String name)) {
                throw new IllegalArgumentException("covered components are strings");
            }
            if (!component.parameters().isEmpty()) {
                throw new IllegalArgumentException("component parameters are not supported: " + name);
            }
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("component names are lower case: " + name);
            }
            String value = value(request, name);
            base.append('"').append(name).append("\": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": ").append(signatureParams);
        return base.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String value(SignedRequest request, String name) {
        URI uri = request.targetUri();
        return switch (name) {
            case "@method" -> request.method();
            case "@target-uri" -> uri.toString();
            case "@authority" -> authority(uri);
            case "@scheme" -> uri.getScheme().toLowerCase(Locale.ROOT);
            case "@path" -> uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            case "@query" -> "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
            default -> {
                if (name.startsWith("@")) {
                    throw new IllegalArgumentException("unsupported derived component " + name);
                }
                yield header(request, name);
            }
        };
    }

    private static String authority(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0
                || ("http".equals(uri.getScheme()) && port == 80)
                || ("https".equals(uri.getScheme()) && port == 443);
        return defaultPort ? host : host + ":" + port;
    }

    private static String header(SignedRequest request, String name) {
        List<String> values = request.headerValues(name);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("covered header " + name + " is missing");
        }
        return values.stream().map(String::strip).collect(Collectors.joining(", "));
    }
}
