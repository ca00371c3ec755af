package io.eventpipe.bench.load;

import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.testkit.DeviceClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Devices registered at the relay (proof of work solved, certificate issued), each with one small
 * photo uploaded beforehand, and their signed event requests made ahead of a measurement: signing
 * is the device's work, not the relay's, and the relay accepts a signature for 300 s.
 */
public final class BenchDevices {

    /** The events of S1 are this size (the JSON body), as the issue asks. */
    public static final int EVENT_BYTES = 1024;
    private static final int PHOTO_BYTES = 2048;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String relayUrl;
    private final List<Device> devices = new ArrayList<>();

    private record Device(DeviceClient client, String photoSha256) {
    }

    private BenchDevices(String relayUrl) {
        this.relayUrl = relayUrl;
    }

    public static BenchDevices register(String relayUrl, int count) throws Exception {
        BenchDevices set = new BenchDevices(relayUrl);
        Random random = new Random(3);
        for (int i = 0; i < count; i++) {
            DeviceClient client = new DeviceClient(relayUrl);
            client.register();
            byte[] photo = new byte[PHOTO_BYTES];
            random.nextBytes(photo);
            String sha256 = Sha256.hex(photo);
            HttpResponse<String> upload = client.send("PUT", "/v1/media/" + sha256, photo, "image/jpeg", Instant.now());
            if (upload.statusCode() != 201 && upload.statusCode() != 200) {
                throw new IllegalStateException("photo upload answered " + upload.statusCode() + ": " + upload.body());
            }
            set.devices.add(new Device(client, sha256));
        }
        return set;
    }

    public String relayUrl() {
        return relayUrl;
    }

    public DeviceClient device(int index) {
        return devices.get(index % devices.size()).client();
    }

    /** count signed POST /v1/events requests, spread over the devices, each with a new event id. */
    public List<SignedEvent> signedEvents(int count) {
        List<SignedEvent> requests = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            Device device = devices.get(i % devices.size());
            String eventId = UUID.randomUUID().toString();
            byte[] body = eventJson(eventId, device.photoSha256()).getBytes(StandardCharsets.UTF_8);
            HttpRequest request = device.client().signedRequest("POST", "/v1/events", body, "application/json", now)
                    .timeout(REQUEST_TIMEOUT).build();
            requests.add(new SignedEvent(eventId, request));
        }
        return requests;
    }

    /** A signed request and the event it carries. */
    public record SignedEvent(String eventId, HttpRequest request) {
    }

    /** An event of the sample label config citing the photo, padded with a note to EVENT_BYTES. */
    static String eventJson(String eventId, String photoSha256) {
        String head = "{\"eventId\":\"" + eventId + "\",\"capturedAt\":\"2026-01-15T10:00:00Z\","
                + "\"labelConfig\":{\"id\":\"field-observation\",\"version\":1},"
                + "\"annotations\":{\"species\":\"heron\",\"count\":2},"
                + "\"media\":[{\"sha256\":\"" + photoSha256 + "\",\"contentType\":\"image/jpeg\",\"size\":" + PHOTO_BYTES + "}],"
                + "\"note\":\"";
        String tail = "\"}";
        int pad = Math.max(0, EVENT_BYTES - head.length() - tail.length());
        return head + "n".repeat(pad) + tail;
    }
}
