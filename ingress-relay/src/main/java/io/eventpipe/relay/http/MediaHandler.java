package io.eventpipe.relay.http;

import io.eventpipe.web.JettySignedRequest;
import io.eventpipe.web.Bodies;
import io.eventpipe.web.JsonResponses;
import io.eventpipe.common.crypto.Hex;
import io.eventpipe.relay.auth.AuthProblem;
import io.eventpipe.relay.auth.RequestAuthenticator;
import io.eventpipe.relay.storage.MediaStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * PUT /v1/media/{sha256} (CONTRACT 2.4): authenticated before a byte is read, then streamed to
 * object storage while hashing; stored only when the bytes hash to the name.
 */
final class MediaHandler extends Handler.Abstract {

    static final long MAX_MEDIA_BYTES = 25L * 1024 * 1024;
    /** How much of a refused body is read (and dropped) so that the client gets its answer. */
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;
    static final Set<String> CONTENT_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "video/mp4", "application/octet-stream");
    static final String PREFIX = "/v1/media/";
    private static final int RETRY_AFTER_SECONDS = 2;

    private final RequestAuthenticator authenticator;
    private final MediaStore store;
    private final Semaphore uploads;

    MediaHandler(RequestAuthenticator authenticator, MediaStore store, int maxConcurrentUploads) {
        this.authenticator = authenticator;
        this.store = store;
        this.uploads = new Semaphore(maxConcurrentUploads);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!JsonResponses.methodIs("PUT", request, response, callback)) {
            return true;
        }
        String sha256 = io.eventpipe.web.RoutePaths.after(request.getHttpURI().getPath(), PREFIX);
        if (!Hex.isSha256(sha256)) {
            JsonResponses.error(response, callback, 404, "not_found", "media are addressed by 64 lower-case hex digits");
            return true;
        }
        String contentType = Bodies.mediaType(request);
        if (!CONTENT_TYPES.contains(contentType)) {
            JsonResponses.error(response, callback, 415, "unsupported_media_type", "media types accepted: " + CONTENT_TYPES);
            return true;
        }
        if (request.getLength() > MAX_MEDIA_BYTES) {
            drain(request, DRAIN_LIMIT_BYTES);
            JsonResponses.error(response, callback, 413, "too_large", "media are at most " + MAX_MEDIA_BYTES + " bytes");
            return true;
        }
        RequestAuthenticator.StreamingAuthentication auth;
        try {
            auth = authenticator.authenticateBeforeBody(new JettySignedRequest(request));
        } catch (AuthProblem e) {
            JsonResponses.problem(response, callback, e);
            return true;
        }
        if (!Hex.encode(auth.claimedSha256()).equals(sha256)) {
            JsonResponses.error(response, callback, 422, "media_hash_mismatch", "Content-Digest and the media's name differ");
            return true;
        }
        Optional<Long> existing = store.size(sha256);
        if (existing.isPresent()) {
            // Read the body before answering: a client still sending would otherwise see the
            // connection closed under it instead of the 200.
            if (!drain(request, MAX_MEDIA_BYTES)) {
                JsonResponses.error(response, callback, 413, "too_large", "media are at most " + MAX_MEDIA_BYTES + " bytes");
                return true;
            }
            JsonResponses.send(response, callback, 200, answer(sha256, existing.get()));
            return true;
        }
        upload(request, response, callback, sha256, contentType, auth.device().deviceId());
        return true;
    }

    private void upload(Request request, Response response, Callback callback, String sha256, String contentType, String deviceId)
            throws IOException {
        if (!uploads.tryAcquire()) {
            JsonResponses.retryLater(response, callback, 503, "overloaded", "too many uploads at once", RETRY_AFTER_SECONDS);
            return;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            MediaStore.Outcome outcome = store.store(sha256, contentType, in, MAX_MEDIA_BYTES, Map.of("device-id", deviceId));
            switch (outcome) {
                case STORED -> JsonResponses.send(response, callback, 201, answer(sha256, store.size(sha256).orElse(-1L)));
                case TOO_LARGE -> {
                    drain(request, DRAIN_LIMIT_BYTES);
                    JsonResponses.error(response, callback, 413, "too_large", "media are at most " + MAX_MEDIA_BYTES + " bytes");
                }
                case HASH_MISMATCH -> JsonResponses.error(response, callback, 422, "media_hash_mismatch",
                        "the bytes do not hash to " + sha256);
                default -> throw new IllegalStateException("unknown outcome " + outcome);
            }
        } finally {
            uploads.release();
        }
    }

    /**
     * Reads and discards what is left of the body, up to a bound; false when there was more. An
     * HTTP/1.1 client still sending when the answer comes may otherwise see the connection closed
     * under it instead of the answer; past the bound, the connection is closed after it.
     */
    private static boolean drain(Request request, long bound) throws IOException {
        InputStream in = Content.Source.asInputStream(request);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
            if (total > bound) {
                return false;
            }
        }
        return true;
    }

    private Object answer(String sha256, long size) {
        return JsonResponses.JSON.createObjectNode().put("sha256", sha256).put("size", size)
                .put("bucket", store.bucket()).put("key", MediaStore.key(sha256));
    }

}
