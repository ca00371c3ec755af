package io.eventpipe.relay.storage;

import io.eventpipe.common.crypto.Hex;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.storage.KnownMedia;
import io.eventpipe.storage.ObjectKeys;
import io.eventpipe.storage.S3Clients;
import io.eventpipe.storage.S3Settings;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media in object storage under media/{sha256} (CONTRACT 4), written as a stream: bytes are
 * hashed as they arrive and sent in parts, so an upload holds at most one part in memory. The
 * object appears only when the bytes hash to the name they were sent under; otherwise the
 * upload is aborted and nothing is left behind.
 */
public final class MediaStore implements AutoCloseable {

    /** S3's smallest multipart part (except the last), and so the memory one upload needs. */
    public static final int PART_BYTES = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final KnownMedia knownMedia = new KnownMedia(KnownMedia.DEFAULT_CAPACITY);

    public MediaStore(S3Settings settings) {
        this.s3 = S3Clients.create(settings);
        this.bucket = settings.bucket();
    }

    public String bucket() {
        return bucket;
    }

    public static String key(String sha256) {
        return ObjectKeys.media(sha256);
    }

    /** The stored size of the object, if it exists. */
    public Optional<Long> size(String sha256) {
        Optional<Long> known = knownMedia.size(sha256);
        if (known.isPresent()) {
            return known;
        }
        try {
            long size = s3.headObject(b -> b.bucket(bucket).key(key(sha256))).contentLength();
            knownMedia.remember(sha256, size);
            return Optional.of(size);
        } catch (S3Exception e) {
            if (S3Clients.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** What became of an upload. */
    public enum Outcome { STORED, HASH_MISMATCH, TOO_LARGE }

    /** Reads the stream to its end (or past the limit) and stores it under its digest if that is the expected one. */
    public Outcome store(String expectedSha256, String contentType, InputStream in, long maxBytes, Map<String, String> metadata)
            throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[PART_BYTES];
        int filled = in.readNBytes(buffer, 0, PART_BYTES);
        digest.update(buffer, 0, filled);
        if (filled < PART_BYTES) {
            if (!Hex.encode(digest.digest()).equals(expectedSha256)) {
                return Outcome.HASH_MISMATCH;
            }
            s3.putObject(b -> b.bucket(bucket).key(key(expectedSha256)).contentType(contentType).metadata(metadata),
                    part(buffer, filled));
            knownMedia.remember(expectedSha256, filled);
            return Outcome.STORED;
        }
        return storeInParts(expectedSha256, contentType, in, maxBytes, metadata, digest, buffer);
    }

    private Outcome storeInParts(String sha256, String contentType, InputStream in, long maxBytes, Map<String, String> metadata,
                                 MessageDigest digest, byte[] buffer) throws IOException {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key(sha256)).contentType(contentType)
                .metadata(metadata)).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            int filled = PART_BYTES;
            while (filled > 0) {
                total += filled;
                if (total > maxBytes) {
                    return Outcome.TOO_LARGE;
                }
                int partNumber = parts.size() + 1;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key(sha256)).uploadId(uploadId).partNumber(partNumber),
                        part(buffer, filled)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                filled = in.readNBytes(buffer, 0, PART_BYTES);
                digest.update(buffer, 0, filled);
            }
            if (!Hex.encode(digest.digest()).equals(sha256)) {
                return Outcome.HASH_MISMATCH;
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key(sha256)).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            completed = true;
            knownMedia.remember(sha256, total);
            return Outcome.STORED;
        } finally {
            if (!completed) {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key(sha256)).uploadId(uploadId));
            }
        }
    }

    /** The buffer's bytes without a copy: the calls are synchronous, so it is reused only afterwards. */
    private static RequestBody part(byte[] buffer, int length) {
        return RequestBody.fromInputStream(new java.io.ByteArrayInputStream(buffer, 0, length), length);
    }

    public boolean isReachable() {
        return S3Clients.isReachable(s3, bucket);
    }

    @Override
    public void close() {
        s3.close();
    }
}
