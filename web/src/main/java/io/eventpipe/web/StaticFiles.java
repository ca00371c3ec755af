package io.eventpipe.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The PWAs' files, from the classpath (the eventpipe-pwa jar's webapp/): GET and HEAD only,
 * paths of plain names (no '..', no encoded tricks), a directory path answers its index.html.
 * Hashed build assets are cached for a year; pages, the manifest and the service worker are
 * revalidated, so that a new build reaches devices. Files are small: read once and kept.
 */
public final class StaticFiles extends Handler.Abstract {

    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)*/?");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "webmanifest", "application/manifest+json",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8");
    /** Pages may talk to their origin and to a chain RPC endpoint (receipts are verified in the browser). */
    private static final String CSP = "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; "
            + "connect-src 'self' http: https:; worker-src 'self'; style-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'";

    private final String root;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** root: the classpath folder, e.g. "webapp". */
    public StaticFiles(String root) {
        this.root = root;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String path = request.getHttpURI().getPath();
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return false;
        }
        if (!path.endsWith("/") && !path.substring(path.lastIndexOf('/')).contains(".")) {
            // a folder named without its slash: relative asset paths need the slash
            if (read(path + "/index.html") == null) {
                return false;
            }
            response.setStatus(301);
            response.getHeaders().put(HttpHeader.LOCATION, path + "/");
            callback.succeeded();
            return true;
        }
        String file = path.endsWith("/") ? path + "index.html" : path;
        byte[] bytes = read(file);
        if (bytes == null) {
            return false;
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPES.getOrDefault(extension, "application/octet-stream"));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, file.startsWith("/assets/") ? "public, max-age=31536000, immutable"
                : "no-cache");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, "HEAD".equals(method) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
        return true;
    }

    private byte[] read(String file) throws IOException {
        byte[] cached = cache.get(file);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(root + file)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            cache.put(file, bytes);
            return bytes;
        }
    }
}
