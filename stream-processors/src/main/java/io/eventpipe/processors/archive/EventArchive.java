package io.eventpipe.processors.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.MediaRef;
import io.eventpipe.avro.ValidatedEvent;
import io.eventpipe.storage.ObjectKeys;
import io.eventpipe.storage.KnownMedia;
import io.eventpipe.storage.S3Clients;
import io.eventpipe.storage.S3Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Writes validated events to object storage (CONTRACT 4): the JCS bytes that were hashed at
 * events/{yyyy}/{MM}/{dd}/{eventId}.json, the envelope in object metadata and in a sibling
 * .meta.json. Writing again is harmless (same key, same bytes), and an archived event is never
 * overwritten by different bytes. Any S3 failure propagates as an SdkException for the caller
 * to retry: nothing here gives up on an event.
 */
public final class EventArchive implements AutoCloseable {

    static final String HASH_METADATA = "event-hash";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;
    private final KnownMedia knownMedia = new KnownMedia(KnownMedia.DEFAULT_CAPACITY);

    public EventArchive(S3Settings settings) {
        this.s3 = S3Clients.create(settings);
        this.bucket = settings.bucket();
    }

    /**
     * Where an event was archived, the media it cites that storage does not hold, and whether
     * another event with the same id (different hash) was archived there before: then that one stays.
     */
    public record Archived(String bucket, String key, List<String> missingMedia, boolean conflict) {
    }

    public Archived archive(ValidatedEvent event) {
        String key = ObjectKeys.event(event.getEventId(), event.getReceivedAt());
        List<String> missing = missingMedia(event.getMedia());
        Optional<String> archivedHash = storedHash(key);
        if (archivedHash.isPresent()) {
            return new Archived(bucket, key, missing, !archivedHash.get().equals(event.getEventHash()));
        }
        Map<String, String> metadata = envelope(event);
        s3.putObject(b -> b.bucket(bucket).key(ObjectKeys.eventMeta(event.getEventId(), event.getReceivedAt()))
                .contentType("application/json").metadata(metadata), RequestBody.fromBytes(metaJson(event, missing)));
        // The event object last: when it exists, its envelope does too.
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json").metadata(metadata),
                RequestBody.fromByteBuffer(event.getCanonicalJson().duplicate()));
        return new Archived(bucket, key, missing, false);
    }

    private Optional<String> storedHash(String key) {
        return head(key).map(head -> head.metadata().getOrDefault(HASH_METADATA, ""));
    }

    private List<String> missingMedia(List<MediaRef> media) {
        List<String> missing = new ArrayList<>();
        for (MediaRef ref : media) {
            if (knownMedia.size(ref.getSha256()).isPresent()) {
                continue;
            }
            Optional<HeadObjectResponse> head = head(ObjectKeys.media(ref.getSha256()));
            if (head.isEmpty()) {
                missing.add(ref.getSha256());
            } else {
                knownMedia.remember(ref.getSha256(), head.get().contentLength());
            }
        }
        return missing;
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (S3Clients.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Map<String, String> envelope(ValidatedEvent event) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(HASH_METADATA, event.getEventHash());
        metadata.put("device-id", event.getDeviceId());
        metadata.put("relay-id", event.getRelayId());
        metadata.put("received-at", event.getReceivedAt().toString());
        if (event.getCertificateFingerprint() != null) {
            metadata.put("certificate-fingerprint", event.getCertificateFingerprint());
        }
        if (event.getLabelConfigId() != null) {
            metadata.put("label-config", event.getLabelConfigId() + "@" + event.getLabelConfigVersion());
        }
        return metadata;
    }

    static byte[] metaJson(ValidatedEvent event, List<String> missingMedia) {
        ObjectNode meta = JSON.createObjectNode()
                .put("eventId", event.getEventId())
                .put("eventHash", event.getEventHash())
                .put("deviceId", event.getDeviceId())
                .put("certificateFingerprint", event.getCertificateFingerprint())
                .put("relayId", event.getRelayId())
                .put("receivedAt", event.getReceivedAt().toString())
                .put("validatedAt", event.getValidatedAt().toString());
        meta.putObject("labelConfig").put("id", event.getLabelConfigId()).put("version", event.getLabelConfigVersion());
        ArrayNode media = meta.putArray("media");
        event.getMedia().forEach(ref -> media.addObject().put("sha256", ref.getSha256()).put("key", ref.getKey())
                .put("contentType", ref.getContentType()).put("size", ref.getSize())
                .put("present", !missingMedia.contains(ref.getSha256())));
        return meta.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the archive bucket answers now. */
    public boolean isReachable() {
        return S3Clients.isReachable(s3, bucket);
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void close() {
        s3.close();
    }
}
